using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Core.Sso.Jit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// SP-initiated Web Browser SSO (SAML Profiles 4.1): starts a login bound to one browser, and turns the IdP's Response
/// into a signed-in person: linked by subject (or verified-domain email), provisioned just in time where an
/// organization of the parent provisions just in time, their name and email kept as the IdP states them when the
/// parent owns them, and let in only as an active member of an organization of that parent. Provisioning decisions and
/// refusals of a person the IdP vouched for go to the parent's provisioning log (<see cref="SignInProvisioningLog"/>).
/// </summary>
public sealed partial class SamlSignInService(IDbContextFactory<IdentityAccessDbContext> contexts, EnabledSamlConnections connections, SamlLoginStates states,
    AuthnRequestBuilder requests, DatabaseSamlReplayCache replayCache, SsoIdentityLinker linker, JitProvisioner jit, SignInProvisioningLog provisioningLog,
    AuditLog audit, TimeProvider time, ILogger<SamlSignInService> logger, SpKeys.SamlSpKeyStore spKeys,
    TestSignIn.SamlTestSignInCompletion tests, Provisioning.Snapshots.ParentSnapshots snapshots, PortalSessionService sessions)
{
    private static readonly AuditActor _signIn = AuditActor.System(SystemActors.SamlSignIn);

    /// <summary>Null when the parent has no enabled SSO connection.</summary>
    /// <param name="returnUrl">Must already be a local path; it is followed only after sign-in.</param>
    public async Task<SamlSignInStart?> StartAsync(Guid parentId, SamlServiceProviderSettings serviceProvider, string returnUrl,
        CancellationToken cancellationToken = default)
    {
        SamlIdpConnection idp;
        System.Security.Cryptography.RSA? signingKey;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await connections.FindAsync(db, parentId, cancellationToken) is not { } connection)
            {
                return null;
            }

            idp = connection.Idp;
            signingKey = await spKeys.RequestSigningKeyAsync(db, parentId, cancellationToken);
        }

        // RelayState carries only the state key (SAML-SP.md §5): never the return URL, which stays on the server.
        var key = SamlLoginStates.NewKey();
        SamlAuthnRedirect redirect;
        using (signingKey)
        {
            redirect = requests.Build(serviceProvider, idp, key, signingKey);
        }

        var nonce = await states.CreateAsync(key, parentId, redirect.RequestId, returnUrl, cancellationToken);
        return new SamlSignInStart(redirect.RedirectUrl, key, nonce);
    }

    /// <param name="session">The portal session to open for this browser if the person is let in, in the ACS's transaction.</param>
    /// <param name="correlationId">The request's reference, shown on a refusal page and written on its provisioning-log row.</param>
    public async Task<SamlSignInResult> CompleteAsync(string? samlResponse, string? relayState, string? nonce,
        SamlServiceProviderSettings serviceProvider, PortalSessionRequest session, string correlationId, CancellationToken cancellationToken = default)
    {
        var (startedAt, started) = (time.GetUtcNow(), time.GetTimestamp());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SAML-SP.md §2 step 13: consume the state first, so it is used once even when validation fails. Everything
        // after it shares its transaction (AcsTransaction), which commits the consumption whatever the outcome.
        var state = SamlLoginStates.CanMatch(relayState, nonce) ? await BeginAsync(db, relayState, nonce, cancellationToken) : null;
        if (state is null)
        {
            // IdP-initiated, where the claimed IdP's connection allows it; otherwise refused as NoLoginState.
            return await CompleteIdpInitiatedAsync(db, samlResponse, relayState, serviceProvider, session, correlationId, startedAt, started, cancellationToken);
        }

        var acs = new AcsTransaction(db, db.Database.CurrentTransaction!);
        if (state.TestSignInId is not null)
        {
            return await CompleteTestAsync(acs, state, relayState, nonce, samlResponse, serviceProvider, cancellationToken); // never a sign-in
        }

        var attempt = new SignInAttempt(state.ParentOrganizationId, correlationId, startedAt, started);
        try
        {
            return await CompleteForParentAsync(acs, attempt, state.RequestId, state.ReturnUrl, samlResponse, serviceProvider, session, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!await acs.KeepConsumedAfterFailureAsync())
            {
                await states.ConsumeAsync(relayState, nonce, CancellationToken.None); // used once, even after an outage
            }

            provisioningLog.Failed(attempt, ex); // every attempt that reached a parent has its row, this one too
            throw;
        }
    }

    /// <summary>Opens the ACS's transaction and consumes the state in it; null (rolled back) when no state matched.</summary>
    private async Task<SamlLoginState?> BeginAsync(IdentityAccessDbContext db, string? relayState, string? nonce, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await states.ConsumeAsync(db, relayState, nonce, cancellationToken);
        if (state is null)
        {
            await transaction.RollbackAsync(cancellationToken); // nothing was written
        }

        return state;
    }

    /// <summary>The validator inside its own span, tagged with the outcome (a reason, never the response's content).</summary>
    private static async Task<SamlValidationResult> ValidateTracedAsync(string? samlResponse, SamlValidationContext context, CancellationToken cancellationToken)
    {
        using var span = Telemetry.IdentityAccessTelemetry.Start("saml.validate");
        var validated = await SamlResponseValidator.ValidateAsync(samlResponse, context, cancellationToken);
        span?.SetTag("identityaccess.saml.outcome", validated.Succeeded ? "valid" : Telemetry.IdentityAccessTelemetry.Snake(validated.Rejection.Reason.ToString()));
        return validated;
    }

    /// <param name="requestId">The request this browser's login state holds; null for an IdP-initiated Response.</param>
    private async Task<SamlSignInResult> CompleteForParentAsync(AcsTransaction acs, SignInAttempt attempt, string? requestId, string returnUrl,
        string? samlResponse, SamlServiceProviderSettings serviceProvider, PortalSessionRequest session, CancellationToken cancellationToken)
    {
        if (await connections.FindAsync(acs.Db, attempt.ParentId, cancellationToken) is not ({ } connection, { } idp))
        {
            return await FailAsync(acs, attempt, "(none)", SamlSignInFailure.SsoNotAvailable, "SSO was turned off during the login",
                LogPhrase.Of(LogPhraseCode.SignInSsoTurnedOff), cancellationToken);
        }

        // The SP's private keys are read (in this transaction) only for a Response that carries an EncryptedAssertion.
        var context = new SamlValidationContext(serviceProvider, idp, requestId, time, replayCache.In(acs.Db))
        {
            DecryptionKeySource = keysCancellation => spKeys.DecryptionKeysAsync(acs.Db, attempt.ParentId, keysCancellation),
        };
        var validated = await ValidateTracedAsync(samlResponse, context, cancellationToken);

        if (!validated.Succeeded)
        {
            return await FailAsync(acs, attempt, connection.EntityId, SamlSignInFailure.ResponseRejected, validated.Rejection.Message,
                LogPhrase.Of(LogPhraseCode.SignInResponseRejected, validated.Rejection.Reason.ToString()), cancellationToken);
        }

        var (identity, unusable) = SamlIdentityMapper.Map(validated.Assertion, connection.Profile);
        if (unusable is not null)
        {
            return await FailAsync(acs, attempt, connection.EntityId, SamlSignInFailure.SubjectUnusable, unusable.Message,
                LogPhrase.Of(LogPhraseCode.SignInSubjectUnusable), cancellationToken);
        }

        await acs.MarkValidatedAsync(cancellationToken);
        for (var tries = 1; ; tries++)
        {
            try
            {
                // Inside the retry: group names resolve again against what a simultaneous sign-in recorded.
                var signingIn = await WithGroupKeysAsync(acs.Db, attempt.ParentId, connection.EntityId, connection.Profile.GroupsFormat, identity!, cancellationToken);
                return await SignInAsync(acs, attempt, connection.EntityId, signingIn, returnUrl, session, cancellationToken);
            }
            catch (DbUpdateException) when (tries == 1)
            {
                // A simultaneous first sign-in of the same person created the link or the person first: use theirs.
                await acs.UndoSignInAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// In the ACS's transaction: the identity is linked (or, for JIT, the person created), the person's profile follows the
    /// IdP where the parent owns them, the groups of this sign-in are stored, JIT organizations provision, and the
    /// person is let in only when an active member of an organization of this parent, with their portal session opened
    /// in the same commit; otherwise the most useful refusal is chosen, and no session is opened.
    /// </summary>
    private async Task<SamlSignInResult> SignInAsync(AcsTransaction acs, SignInAttempt attempt, string idp, SamlIdentity identity, string returnUrl,
        PortalSessionRequest session, CancellationToken cancellationToken)
    {
        var (db, parentId) = (acs.Db, attempt.ParentId);
        // The domains, organizations, settings and mappings as of this transaction: one statement checks the parent's
        // snapshot (its stamps), which JIT provisions from too.
        var snapshot = await snapshots.CurrentAsync(db, parentId, cancellationToken)
            ?? throw new InvalidOperationException("The parent of this sign-in no longer exists."); // its login state and connection were just read
        var domains = snapshot.Domains;
        var organizations = snapshot.Organizations.Select(ParentOrganizationMode.Of).ToList();
        var mayCreate = organizations.Any(o => o.ProvisionsJustInTime);
        var link = await linker.LinkAsync(db, parentId, identity, domains.Owns(identity.Email), mayCreate, cancellationToken);
        if (link is null)
        {
            return await RefuseNewcomerAsync(acs, attempt, idp, identity, domains, organizations, cancellationToken);
        }

        var person = link.Person!;
        var changes = new SignInChanges(db.Entry(person).State == EntityState.Added, db.Entry(link).State == EntityState.Added);
        if (!changes.PersonCreated)
        {
            changes.Profile = await DirectoryProfile.ApplyAsync(db, person, domains, identity.DisplayName, identity.Email, audit, _signIn, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken); // the engine's loader reads the link, its groups and the profile
        var (access, before) = await jit.ProvisionAsync(db, snapshot, person.Id, _signIn, cancellationToken);
        (changes.Before, changes.Access) = (before, access);
        var refusal = SignInRefusal.For(access);
        if (refusal is not null && await InvitationAcceptance.HasPendingAsync(db, person.Id, time.GetUtcNow(), cancellationToken))
        {
            // Invited and a member of nothing yet: let in to accept, which the invitation's own email check guards;
            // the session opens no organization until then (every page reads the role from the database).
            refusal = null;
        }
        var opened = refusal is null ? await sessions.OpenAsync(db, person.Id, session, cancellationToken) : null;
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
        changes.After = SignInMembership.AfterSave(db, changes.Before, person.Id, access)
            ?? await SignInMembership.LoadAsync(db, parentId, person.Id, cancellationToken); // as committed below
        await acs.CommitAsync(cancellationToken);
        if (refusal is not null)
        {
            provisioningLog.Refused(attempt, refusal.Failure, $"{person.Email}: {refusal.Detail}" + (refusal.OrganizationName.Length > 0 ? $" ({refusal.OrganizationName})" : ""),
                refusal.Why(person.Email), changes.Describe(person.Email));
        }
        else if (changes.Describe(person.Email) is { } changed)
        {
            provisioningLog.Provisioned(attempt, changed);
        }
        else
        {
            provisioningLog.Accepted(attempt, changes.DescribeAccepted(person.Email));
        }

        return refusal is null
            ? SamlSignInResult.Success(person, returnUrl, opened!)
            : SamlSignInResult.Failed(refusal.Failure, refusal.Detail) with { OrganizationName = refusal.OrganizationName };
    }

    // Nobody here: an address of a domain the parent did not verify is never linked nor given a person, so say so
    // (the parent's name on the page); otherwise, no organization of the parent creates accounts at sign-in.
    private async Task<SamlSignInResult> RefuseNewcomerAsync(AcsTransaction acs, SignInAttempt attempt, string idp, SamlIdentity identity,
        ParentDomains domains, IReadOnlyList<ParentOrganizationMode> organizations, CancellationToken cancellationToken)
    {
        var who = $"subject {LogSafe.Quote(identity.Subject)} ({LogSafe.Quote(identity.Email)})";
        if (identity.Email is { Length: > 0 } email && !domains.Owns(email))
        {
            var parent = await acs.Db.ParentOrganizations.AsNoTracking().Where(p => p.Id == attempt.ParentId).Select(p => p.Name).SingleAsync(cancellationToken);
            var detail = $"{who}: the email's domain {LogSafe.Quote(EmailAddress.DomainOf(email))} is not one of {parent}'s verified domains ({domains.Describe()})";
            var failed = await FailAsync(acs, attempt, idp, SamlSignInFailure.EmailDomainNotVerified, detail,
                LogPhrase.Of(LogPhraseCode.SignInDomainNotVerified, EmailAddress.DomainOf(email), parent), cancellationToken);
            return failed with { OrganizationName = parent };
        }

        // An organization left in JIT mode by a plan without JIT provisions nobody: say so, it is what the owner can fix.
        var planned = organizations.Where(o => o.Mode == Provisioning.ProvisioningMode.Jit && !o.ProvisionsJustInTime).Select(o => o.Name).ToList();
        var noAccount = $"no account for {who}" + (planned.Count == 0 ? ""
            : $"; {string.Join(", ", planned)} {(planned.Count == 1 ? "is" : "are")} set to provision just in time, but the plan does not allow it");
        var why = LogPhrase.Of(LogPhraseCode.SignInNoAccount, identity.Email is { Length: > 0 } address ? address : identity.Subject) with
        {
            Details = planned.Count == 0 ? null : [LogPhrase.Of(LogPhraseCode.SignInJitNotInPlan, string.Join(", ", planned))],
        };
        return await FailAsync(acs, attempt, idp, SamlSignInFailure.NoAccountYet, noAccount, why, cancellationToken);
    }

    /// <summary>A refusal: its audit entry commits with the consumed state (and the replay entry, when validation got that far).</summary>
    private async Task<SamlSignInResult> FailAsync(AcsTransaction acs, SignInAttempt attempt, string idp, SamlSignInFailure failure, string detail,
        LogPhrase why, CancellationToken cancellationToken)
    {
        logger.LogWarning("SAML sign-in refused for parent {ParentId}, IdP {IdP}: {Failure}: {Detail}", attempt.ParentId, idp, failure, detail);
        var db = acs.Db;
        audit.Record(db, _signIn, "sso.sign-in-refused", idp.Length > 320 ? idp[..320] : idp, null, new { Failure = failure.ToString(), Detail = detail },
            parentOrganizationId: attempt.ParentId);
        await db.SaveChangesAsync(cancellationToken);
        await acs.CommitAsync(cancellationToken);
        provisioningLog.Refused(attempt, failure, detail, why);
        return SamlSignInResult.Failed(failure, detail);
    }
}
