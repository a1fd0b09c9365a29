namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>A group seen at sign-in, for the parent's list.</summary>
/// <param name="MappedIn">The organizations of the parent with a mapping on this group.</param>
public sealed record SignInGroupView(string Key, string Name, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, IReadOnlyList<string> MappedIn);

/// <summary>The parent's groups seen at sign-in.</summary>
/// <param name="ResolvedInDirectory">
/// The parent has a SCIM directory, so group names are looked up there now and these recorded groups no longer match anyone.
/// </param>
public sealed record SignInGroupsView(bool ResolvedInDirectory, IReadOnlyList<SignInGroupView> Groups);
