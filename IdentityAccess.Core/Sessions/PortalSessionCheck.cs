namespace IdentityAccess.Core.Sessions;

/// <summary>
/// A session that is still good, with its person as the database knows them now: a name or email changed by the
/// directory shows at the next request, not at the next sign-in.
/// </summary>
public sealed record PortalSessionCheck(Guid SessionId, Guid PersonId, string DisplayName, string Email, string SignInMethod);
