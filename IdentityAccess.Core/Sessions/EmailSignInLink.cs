namespace IdentityAccess.Core.Sessions;

/// <summary>
/// A one-time sign-in link sent by email to someone whose domain does not use single sign-on (a newcomer creating an
/// organization, an invited person). Stored as a hash; works once, for that email, for a few minutes.
/// </summary>
public sealed class EmailSignInLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string NormalizedEmail { get; init; } = "";

    /// <summary>SHA-256 of the link's secret, hex.</summary>
    public string TokenHash { get; init; } = "";

    /// <summary>A local path followed after sign-in (an invitation to accept, say); never an absolute URL.</summary>
    public string ReturnUrl { get; init; } = "/";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}
