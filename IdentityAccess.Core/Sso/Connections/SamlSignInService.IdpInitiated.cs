using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Jit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// IdP-initiated sign-in (a tile in the Okta or Entra dashboard): a Response that no login of this browser asked for.
/// Accepted only where the parent's enabled connection allows it, then through the same ACS transaction, validator and
/// sign-in as an SP-initiated one, with no request ID: the validator then refuses any InResponseTo (a Response that
/// answers a request is never downgraded to unsolicited), requires a fresh IssueInstant, and its replay cache refuses
/// the assertion a second time. RelayState is only a landing page, and only one of the portal's own paths.
/// </summary>
public sealed partial class SamlSignInService
{
    private async Task<SamlSignInResult> CompleteIdpInitiatedAsync(IdentityAccessDbContext db, string? samlResponse, string? relayState,
        SamlServiceProviderSettings serviceProvider, Sessions.PortalSessionRequest session, string correlationId, DateTimeOffset startedAt, long started,
        CancellationToken cancellationToken)
    {
        var issuer = UnsolicitedResponseIssuer.Read(samlResponse);
        if (issuer is null || await FindIdpInitiatedParentAsync(db, issuer, cancellationToken) is not { } parentId)
        {
            // No parent is known, so this goes to the log only: anyone can post here, and the audit trail is per parent.
            logger.LogWarning("SAML response refused: no outstanding login for this browser (unknown, expired or used RelayState, or no matching cookie).");
            return SamlSignInResult.Failed(SamlSignInFailure.NoLoginState, "no outstanding login for this browser");
        }

        logger.LogInformation("SAML response without a login state: trying it as IdP-initiated for parent {ParentId}.", parentId);
        var acs = new AcsTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken));
        var attempt = new SignInAttempt(parentId, correlationId, startedAt, started);
        try
        {
            return await CompleteForParentAsync(acs, attempt, requestId: null, IdpInitiatedRelayState.ReturnUrlFor(relayState), samlResponse,
                serviceProvider, session, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await acs.KeepConsumedAfterFailureAsync(); // keeps the replay entry when validation got that far
            provisioningLog.Failed(attempt, ex);
            throw;
        }
    }

    /// <summary>
    /// The one parent whose enabled connection trusts <paramref name="issuer"/> and allows IdP-initiated sign-in. Two
    /// parents trusting the same IdP would make the target ambiguous (the audience is this portal for both): refused.
    /// </summary>
    private async Task<Guid?> FindIdpInitiatedParentAsync(IdentityAccessDbContext db, string issuer, CancellationToken cancellationToken)
    {
        var parents = await db.SamlConnections.AsNoTracking()
            .Where(c => c.EntityId == issuer && c.Enabled && c.AllowIdpInitiated)
            .Select(c => c.ParentOrganizationId)
            .Take(2)
            .ToListAsync(cancellationToken);
        if (parents.Count > 1)
        {
            logger.LogWarning("IdP-initiated SAML response refused: several parents allow IdP-initiated sign-in from IdP {IdP}.", LogSafe.Quote(issuer));
        }

        return parents.Count == 1 ? parents[0] : null;
    }
}
