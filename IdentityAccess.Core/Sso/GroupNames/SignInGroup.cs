namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>
/// A group an IdP that sends group names (Okta, Google, ADFS…) named at a sign-in, for a parent with no SCIM directory
/// to look the name up in. Mappings use <see cref="Key"/>, which never changes: the name the group was first seen
/// with (or a fresh id when a renamed group still holds that key). A rename in the IdP is told to the portal by a
/// parent admin (<see cref="SignInGroupService.RenameAsync"/>), so the group keeps its key and its mappings, as a SCIM
/// group renamed by its IdP does.
/// </summary>
public sealed class SignInGroup
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    /// <summary>What group mappings and the sign-in's groups hold for this group.</summary>
    public required string Key { get; init; }

    /// <summary>The name the IdP sends for it now.</summary>
    public required string Name { get; set; }

    /// <summary><see cref="GroupNameMatching.Normalize"/> of <see cref="Name"/>: one group per normalized name.</summary>
    public required string NormalizedName { get; set; }

    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>Kept to the day, so a sign-in does not write every group it carries.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}
