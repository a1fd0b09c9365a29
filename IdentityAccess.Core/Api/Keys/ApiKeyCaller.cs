namespace IdentityAccess.Core.Api.Keys;

/// <summary>
/// A valid key, as a request under <c>/api/v1</c> acts with it: as <paramref name="PersonId"/> (its creator) in
/// <paramref name="ParentId"/>, within its scope and organization limit.
/// </summary>
/// <param name="CreatorIsParentAdmin">Read from the database for this request: false once the creator lost the role.</param>
public sealed record ApiKeyCaller(Guid KeyId, string Name, string Prefix, Guid ParentId, Guid PersonId, ApiKeyScope Scope,
    IReadOnlyList<Guid> OrganizationIds, bool CreatorIsParentAdmin)
{
    /// <summary>Whether the key's limit lets it reach this organization of its parent (an empty limit reaches all).</summary>
    public bool Reaches(Guid organizationId) => OrganizationIds.Count == 0 || OrganizationIds.Contains(organizationId);
}
