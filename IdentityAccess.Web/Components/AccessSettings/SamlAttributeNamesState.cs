using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The connection's attribute names for <see cref="SamlAttributeNamesEditor"/>: loaded for its scope, reloaded after a save.</summary>
public sealed class SamlAttributeNamesState(SamlAttributeNamesService names, ParentSettingsScope scope)
{
    public SamlAttributeNamesView? View { get; private set; }

    public async Task LoadAsync() => View = scope.OrganizationId is { } organizationId
        ? await names.GetAsync(organizationId, scope.PersonId)
        : await names.GetForParentAsync(scope.ParentId, scope.PersonId);

    public async Task<Error?> SaveAsync(SamlAttributePreset preset, SamlCustomAttributes attributes)
    {
        var error = await names.SetAsync(scope.ParentId, preset, attributes, scope.PersonId);
        await LoadAsync();
        return error;
    }
}
