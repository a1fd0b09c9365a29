namespace IdentityAccess.Core.Sso.Connections;

/// <summary>An assertion ID already used (stored as its SHA-256, so any length fits), kept until its NotOnOrAfter plus the clock skew (SAML Profiles 4.1.4.5).</summary>
public sealed class SamlReplayEntry
{
    public required string AssertionId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
