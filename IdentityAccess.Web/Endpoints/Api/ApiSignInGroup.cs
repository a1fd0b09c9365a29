using IdentityAccess.Core.Sso.GroupNames;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A group a name-sending IdP named at sign-in, as the parent's list shows it.</summary>
/// <param name="Key">What group mappings hold for it; never changes, so a rename keeps its mappings.</param>
/// <param name="Name">The name the IdP sends for it now.</param>
/// <param name="MappedIn">The organizations of the parent with a mapping on it.</param>
internal sealed record ApiSignInGroup(string Key, string Name, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, IReadOnlyList<string> MappedIn)
{
    public static ApiSignInGroup From(SignInGroupView group) => new(group.Key, group.Name, group.FirstSeenAt, group.LastSeenAt, group.MappedIn);
}

/// <summary>The parent's groups seen at sign-in.</summary>
/// <param name="ResolvedInDirectory">The parent has a SCIM directory: group names are looked up there, and these recorded groups no longer match anyone.</param>
internal sealed record ApiSignInGroups(bool ResolvedInDirectory, IReadOnlyList<ApiSignInGroup> Items)
{
    public static ApiSignInGroups From(SignInGroupsView view) => new(view.ResolvedInDirectory, [.. view.Groups.Select(ApiSignInGroup.From)]);
}

/// <summary>A recorded group's new name, as the IdP now sends it.</summary>
internal sealed record ApiSignInGroupRenameRequest(string? Name);
