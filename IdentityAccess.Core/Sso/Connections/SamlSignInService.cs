using IdentityAccess.Core.Audit;
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
}
