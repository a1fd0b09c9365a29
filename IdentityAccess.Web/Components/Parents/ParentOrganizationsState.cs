using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Parents;

/// <summary>The parent's organizations, for its section.</summary>
public sealed class ParentOrganizationsState(ParentOrganizationsQuery query, OrganizationCreator creator, ParentPageScope scope)
{
    public IReadOnlyList<ParentOrganizationRow>? Organizations { get; private set; }

    public async Task LoadAsync() => Organizations = await query.ListAsync(scope.ParentId, scope.PersonId);

    public async Task<CreatedOrganization> CreateAsync(NewOrganization organization)
    {
        var created = await creator.CreateUnderParentAsync(scope.ParentId, organization, scope.PersonId);
        await LoadAsync();
        return created;
    }
}
