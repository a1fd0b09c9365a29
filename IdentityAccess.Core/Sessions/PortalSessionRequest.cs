namespace IdentityAccess.Core.Sessions;

/// <summary>
/// What a sign-in knows of the browser it opens a session for: how the person signed in, what the browser says it is,
/// and the session this browser already had, which the new one ends (one browser, one session).
/// </summary>
public sealed record PortalSessionRequest(string SignInMethod, string? UserAgent, Guid? Replaces);
