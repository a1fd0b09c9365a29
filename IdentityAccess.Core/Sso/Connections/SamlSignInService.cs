using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Core.Sso.Jit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// SP-initiated Web Browser SSO (SAML Profiles 4.1): starts a login bound to one browser, and turns the IdP's Response
/// into a signed-in person: linked by subject (or verified-domain email), provisioned just in time where an
/// organization of the parent uses JIT, and let in only as an active member of an organization of that parent.
/// </summary>
public sealed class SamlSignInService(IDbContextFactory<IdentityAccessDbContext> contexts, SamlConnectionService connections, SamlLoginStates states,
    AuthnRequestBuilder requests, ISamlReplayCache replayCache, DomainService domains, SsoIdentityLinker linker, JitProvisioner jit, AuditLog audit,
    TimeProvider time, ILogger<SamlSignInService> logger)
{
    private static readonly AuditActor _signIn = AuditActor.System("SAML sign-in");

    /// <summary>Null when the parent has no enabled SSO connection.</summary>
    /// <param name="returnUrl">Must already be a local path; it is followed only after sign-in.</param>
    public async Task<SamlSignInStart?> StartAsync(Guid parentId, SamlServiceProviderSettings serviceProvider, string returnUrl,
        CancellationToken cancellationToken = default)
    {
        if (await connections.FindEnabledAsync(parentId, cancellationToken) is not { } connection)
        {
            return null;
        }

        // RelayState carries only the state key (SAML-SP.md §5): never the return URL, which stays on the server.
        var key = SamlLoginStates.NewKey();
        var redirect = requests.Build(serviceProvider, connection.ToIdpConnection(), key);
        var nonce = await states.CreateAsync(key, parentId, redirect.RequestId, returnUrl, cancellationToken);
        return new SamlSignInStart(redirect.RedirectUrl, key, nonce);
    }

    public async Task<SamlSignInResult> CompleteAsync(string? samlResponse, string? relayState, string? nonce,
        SamlServiceProviderSettings serviceProvider, CancellationToken cancellationToken = default)
    {
        // SAML-SP.md §2 step 13: consume the state first, so it is used once even when validation fails.
        if (await states.ConsumeAsync(relayState, nonce, cancellationToken) is not { } state)
        {
            // No parent is known, so this goes to the log only: anyone can post here, and the audit trail is per parent.
            logger.LogWarning("SAML response refused: no outstanding login for this browser (unknown, expired or used RelayState, or no matching cookie).");
            return SamlSignInResult.Failed(SamlSignInFailure.NoLoginState, "no outstanding login for this browser");
        }

        if (await connections.FindEnabledAsync(state.ParentOrganizationId, cancellationToken) is not { } connection)
        {
            return await FailAsync(state.ParentOrganizationId, "(none)", SamlSignInFailure.SsoNotAvailable, "SSO was turned off during the login", cancellationToken);
        }

        var context = new SamlValidationContext(serviceProvider, connection.ToIdpConnection(), state.RequestId, time, replayCache);
        var validated = await SamlResponseValidator.ValidateAsync(samlResponse, context, cancellationToken);
        if (!validated.Succeeded)
        {
            return await FailAsync(state.ParentOrganizationId, connection.EntityId, SamlSignInFailure.ResponseRejected, validated.Rejection.Message, cancellationToken);
        }

        var (identity, unusable) = SamlIdentityMapper.Map(validated.Assertion, connection.Profile);
        if (unusable is not null)
        {
            return await FailAsync(state.ParentOrganizationId, connection.EntityId, SamlSignInFailure.SubjectUnusable, unusable.Message, cancellationToken);
        }

        var emailDomainVerified = identity!.Email is { Length: > 0 } email
            && await domains.ParentForEmailAsync(email, cancellationToken) == state.ParentOrganizationId;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignInAsync(state.ParentOrganizationId, connection.EntityId, identity, emailDomainVerified, state.ReturnUrl, cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // A simultaneous first sign-in of the same person created the link or the person first: use theirs.
            }
        }
    }

    /// <summary>
    /// One transaction: the identity is linked (or, for JIT, the person created), the groups of this sign-in are
    /// stored, JIT organizations provision, and the person is let in only when an active member of an organization
    /// of this parent; otherwise the most useful refusal is chosen.
    /// </summary>
    private async Task<SamlSignInResult> SignInAsync(Guid parentId, string idp, SamlIdentity identity, bool emailDomainVerified, string returnUrl,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organizations = await jit.OrganizationsAsync(db, parentId, cancellationToken);
        var mayCreate = organizations.Any(o => o.Mode == ProvisioningMode.Jit);
        var link = await linker.LinkAsync(db, parentId, identity, emailDomainVerified, mayCreate, cancellationToken);
        if (link is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await FailAsync(parentId, idp, SamlSignInFailure.NoAccountYet,
                $"no account for subject {LogSafe.Quote(identity.Subject)} ({LogSafe.Quote(identity.Email)})", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken); // the engine's loader reads the link and its groups
        var person = link.Person!;
        var access = await jit.ProvisionAsync(db, parentId, organizations, person.Id, _signIn, cancellationToken);
        var refusal = SignInRefusal.For(access);
        if (refusal is not null && await InvitationAcceptance.HasPendingAsync(db, person.Id, time.GetUtcNow(), cancellationToken))
        {
            // Invited and a member of nothing yet: let in to accept, which the invitation's own email check guards;
            // the session opens no organization until then (every page reads the role from the database).
            refusal = null;
        }
        if (refusal is null)
        {
            audit.Record(db, new AuditActor(person.Id, person.DisplayName), "sso.signed-in", person.Email, null,
                new { IdP = idp, identity.Subject, Organizations = access.Where(a => a.CanSignIn).Select(a => a.OrganizationName) },
                parentOrganizationId: parentId);
        }
        else
        {
            logger.LogWarning("SAML sign-in refused for parent {ParentId}, IdP {IdP}: {Failure} in {Organization}", parentId, idp, refusal.Failure,
                refusal.OrganizationName);
            audit.Record(db, _signIn, "sso.sign-in-refused", person.Email, null,
                new { Failure = refusal.Failure.ToString(), Organization = refusal.OrganizationName, refusal.Detail }, parentOrganizationId: parentId);
        }

        // Kept even when refused: a newcomer in no mapped group stays listed, one without a seat waits in the queue.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return refusal is null
            ? SamlSignInResult.Success(person, returnUrl)
            : SamlSignInResult.Failed(refusal.Failure, refusal.Detail) with { OrganizationName = refusal.OrganizationName };
    }

    private async Task<SamlSignInResult> FailAsync(Guid parentId, string idp, SamlSignInFailure failure, string detail, CancellationToken cancellationToken)
    {
        logger.LogWarning("SAML sign-in refused for parent {ParentId}, IdP {IdP}: {Failure}: {Detail}", parentId, idp, failure, detail);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        audit.Record(db, _signIn, "sso.sign-in-refused", idp.Length > 320 ? idp[..320] : idp, null, new { Failure = failure.ToString(), Detail = detail }, parentOrganizationId: parentId);
        await db.SaveChangesAsync(cancellationToken);
        return SamlSignInResult.Failed(failure, detail);
    }
}
