using IdentityAccess.Core.Saml;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// A login state marked as a test when it was created (by a parent admin's test sign-in) completes as a test, whatever
/// the Response says: it is reported on and nobody is signed in. A state created for a sign-in has no such mark and
/// nothing can add one, so a sign-in cannot be turned into a test, nor a test into a sign-in.
/// </summary>
public sealed partial class SamlSignInService
{
    private async Task<SamlSignInResult> CompleteTestAsync(AcsTransaction acs, SamlLoginState state, string? relayState, string? nonce,
        string? samlResponse, SamlServiceProviderSettings serviceProvider, CancellationToken cancellationToken)
    {
        try
        {
            return await tests.CompleteAsync(acs, state, samlResponse, serviceProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "SAML test sign-in {TestId} failed on the server.", state.TestSignInId);
            if (!await acs.KeepConsumedAfterFailureAsync())
            {
                await states.ConsumeAsync(relayState, nonce, CancellationToken.None); // used once, even after an outage
            }

            throw;
        }
    }
}
