using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The parent's SSO connection for one section: loaded for its scope, reloaded after each change.</summary>
public sealed class SamlConnectionState(SamlConnectionService connections, SamlMetadataRefreshService metadata, ParentSettingsScope scope)
{
    public SamlConnectionView? View { get; private set; }

    public async Task LoadAsync() => View = scope.OrganizationId is { } organizationId
        ? await connections.GetAsync(organizationId, scope.PersonId)
        : await connections.GetForParentAsync(scope.ParentId, scope.PersonId);

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(SamlConnectionView? view) => View = view;

    public Task<Error?> ImportAsync(string xml, SamlAttributePreset preset, SamlCustomAttributes? custom) =>
        ChangeAsync(() => connections.ImportMetadataAsync(scope.ParentId, xml, preset, scope.PersonId, custom));

    public Task<Error?> ImportFromUrlAsync(string url, SamlAttributePreset preset, SamlCustomAttributes? custom) =>
        ChangeAsync(() => metadata.ImportFromUrlAsync(scope.ParentId, url, preset, scope.PersonId, custom));

    public Task<Error?> RefreshNowAsync() => ChangeAsync(() => metadata.RefreshNowAsync(scope.ParentId, scope.PersonId));

    public Task<Error?> StopRefreshingAsync() => ChangeAsync(() => metadata.StopRefreshingAsync(scope.ParentId, scope.PersonId));

    public Task<Error?> RollBackAsync() => ChangeAsync(() => metadata.RollBackAsync(scope.ParentId, scope.PersonId));

    public Task<(SsoDisableImpact? Impact, Error? Refusal)> PreviewDisableAsync() => connections.PreviewDisableAsync(scope.ParentId, scope.PersonId);

    public Task<Error?> SetEnabledAsync(bool enabled, int? confirmation = null) =>
        ChangeAsync(() => connections.SetEnabledAsync(scope.ParentId, enabled, scope.PersonId, confirmation));

    private async Task<Error?> ChangeAsync(Func<Task<Error?>> change)
    {
        var error = await change();
        await LoadAsync();
        return error;
    }
}
