namespace IdentityAccess.Core.Sessions;

/// <summary>
/// A signed-in browser session, kept on the server: the cookie carries only its id, checked on every request and on
/// the live circuit, so signing out, "sign out everywhere" or losing every role revokes a copied cookie too.
/// </summary>
public sealed class PortalSession
{
    /// <summary>Random and unguessable; also the value the cookie carries (inside the Data Protection envelope).</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid PersonId { get; init; }

    /// <summary>How the person signed in: <c>saml</c>, <c>entra</c>, <c>email-link</c>, <c>test</c>.</summary>
    public string SignInMethod { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Absolute end, whatever the activity.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it was revoked: signed out, signed out everywhere, no role left, expired.</summary>
    public string? RevokedReason { get; set; }

    /// <summary>The browser, as it said, shortened: so a person can tell their sessions apart.</summary>
    public string? UserAgent { get; init; }
}
