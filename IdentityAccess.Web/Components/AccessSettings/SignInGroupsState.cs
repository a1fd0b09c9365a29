using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.GroupNames;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The parent's groups seen at sign-in for <see cref="SignInGroupsPanel"/>: loaded for its scope, reloaded after a rename.</summary>
public sealed class SignInGroupsState(SignInGroupService groups, ParentSettingsScope scope)
{
    public SignInGroupsView? View { get; private set; }

    public async Task LoadAsync() => View = scope.OrganizationId is { } organizationId
        ? await groups.ListAsync(organizationId, scope.PersonId)
        : await groups.ListForParentAsync(scope.ParentId, scope.PersonId);

    public async Task<Error?> RenameAsync(string key, string newName)
    {
        var error = await groups.RenameAsync(scope.ParentId, key, newName, scope.PersonId);
        await LoadAsync();
        return error;
    }
}
