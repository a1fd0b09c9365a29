using IdentityAccess.Core.Audit;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// SP-initiated Web Browser SSO (SAML Profiles 4.1): starts a login bound to one browser, and turns the IdP's Response
/// into a known person. People without an account are not created here (JIT provisioning is a later slice).
/// </summary>
public sealed class SamlSignInService(IDbContextFactory<IdentityAccessDbContext> contexts, SamlConnectionService connections, SamlLoginStates states,
    AuthnRequestBuilder requests, ISamlReplayCache replayCache, DomainService domains, AuditLog audit, TimeProvider time, ILogger<SamlSignInService> logger)
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

        var person = await FindPersonAsync(state.ParentOrganizationId, identity!, cancellationToken);
        if (person is null)
        {
            return await FailAsync(state.ParentOrganizationId, connection.EntityId, SamlSignInFailure.NoAccountYet,
                $"no account for subject {LogSafe(identity!.Subject)} ({LogSafe(identity.Email ?? "no email")})", cancellationToken);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            audit.Record(db, new AuditActor(person.Id, person.DisplayName), "sso.signed-in", person.Email, null,
                new { IdP = connection.EntityId, identity!.Subject }, parentOrganizationId: state.ParentOrganizationId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return SamlSignInResult.Success(person, state.ReturnUrl);
    }

    // The link (parent, IdP, subject) decides. Without one, an existing person is linked by email only when the
    // email's domain is verified by this parent: otherwise any IdP could claim anyone's account by asserting an email.
    private async Task<Person?> FindPersonAsync(Guid parentId, SamlIdentity identity, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var linked = await db.SamlIdentityLinks.AsNoTracking()
            .Where(l => l.ParentOrganizationId == parentId && l.IdpEntityId == identity.IdpEntityId && l.Subject == identity.Subject)
            .Select(l => (Guid?)l.PersonId).SingleOrDefaultAsync(cancellationToken);
        if (linked is { } personId)
        {
            return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        }

        if (identity.Email is not { Length: > 0 } email || await domains.ParentForEmailAsync(email, cancellationToken) != parentId)
        {
            return null;
        }

        var normalized = EmailAddress.Normalize(email);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken);
        if (person is null)
        {
            return null;
        }

        db.SamlIdentityLinks.Add(new SamlIdentityLink
        {
            ParentOrganizationId = parentId,
            IdpEntityId = identity.IdpEntityId,
            Subject = identity.Subject,
            PersonId = person.Id,
            CreatedAt = time.GetUtcNow(),
        });
        audit.Record(db, _signIn, "sso.identity-linked", person.Email, null, new { IdP = identity.IdpEntityId, identity.Subject },
            parentOrganizationId: parentId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent first login linked the same subject; that link stands.
        }

        return person;
    }

    private async Task<SamlSignInResult> FailAsync(Guid parentId, string idp, SamlSignInFailure failure, string detail, CancellationToken cancellationToken)
    {
        logger.LogWarning("SAML sign-in refused for parent {ParentId}, IdP {IdP}: {Failure}: {Detail}", parentId, idp, failure, detail);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        audit.Record(db, _signIn, "sso.sign-in-refused", idp.Length > 320 ? idp[..320] : idp, null, new { Failure = failure.ToString(), Detail = detail }, parentOrganizationId: parentId);
        await db.SaveChangesAsync(cancellationToken);
        return SamlSignInResult.Failed(failure, detail);
    }

    private static string LogSafe(string value) => new([.. value.Take(200).Where(c => !char.IsControl(c))]);
}
