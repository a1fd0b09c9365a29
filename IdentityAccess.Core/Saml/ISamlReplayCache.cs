namespace IdentityAccess.Core.Saml;

/// <summary>
/// Assertion IDs already used (SAML Profiles 4.1.4.5). Every instance of the app must share one store; the
/// in-memory one is enough only on a single node.
/// </summary>
public interface ISamlReplayCache
{
    /// <summary>
    /// Atomically records the ID until <paramref name="expiresAt"/>. False when it is already recorded and not yet
    /// expired: the assertion is a replay.
    /// </summary>
    ValueTask<bool> TryRememberAsync(string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
