using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Parents;

/// <summary>The parent's API keys for their section: null when the acting person may not see them (not a parent admin).</summary>
public sealed class ApiKeysState(ApiKeyAdministration keys, ParentOrganizationsQuery organizations, ParentPageScope scope)
{
    public IReadOnlyList<ApiKeyView>? Keys { get; private set; }

    public async Task LoadAsync() => Keys = await keys.ListAsync(scope.ParentId, scope.PersonId);

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(IReadOnlyList<ApiKeyView>? read) => Keys = read;

    /// <summary>The organizations a new key may be limited to, read when the create dialog opens.</summary>
    public async Task<IReadOnlyList<ParentOrganizationRow>> OrganizationsAsync() =>
        await organizations.ListAsync(scope.ParentId, scope.PersonId) ?? [];

    public async Task<(CreatedApiKey? Key, Error? Refusal)> CreateAsync(NewApiKey request)
    {
        var created = await keys.CreateAsync(scope.ParentId, request, scope.PersonId);
        await LoadAsync();
        return created;
    }

    public async Task<Error?> RevokeAsync(Guid keyId)
    {
        var refused = await keys.RevokeAsync(scope.ParentId, keyId, scope.PersonId);
        await LoadAsync();
        return refused;
    }
}
