using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Parents;

/// <summary>The parent's organizations, for its section.</summary>
public sealed class ParentOrganizationsState(ParentOrganizationsQuery query, OrganizationCreator creator, ParentPageScope scope)
{
    public IReadOnlyList<ParentOrganizationRow>? Organizations { get; private set; }

    public async Task LoadAsync() => Organizations = await query.ListAsync(scope.ParentId, scope.PersonId);

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(IReadOnlyList<ParentOrganizationRow>? organizations) => Organizations = organizations;

    public async Task<CreatedOrganization> CreateAsync(NewOrganization organization)
    {
        var created = await creator.CreateUnderParentAsync(scope.ParentId, organization, scope.PersonId);
        await LoadAsync();
        return created;
    }
}
