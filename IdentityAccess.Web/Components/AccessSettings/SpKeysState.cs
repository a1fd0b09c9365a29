using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.SpKeys;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The parent's SP keys for <see cref="SpKeysPanel"/>: loaded for its scope, reloaded after each change.</summary>
public sealed class SpKeysState(SamlSpKeyService keys, ParentSettingsScope scope)
{
    public SamlSpKeysView? View { get; private set; }

    public async Task LoadAsync() => View = await keys.GetAsync(scope.ParentId, scope.PersonId);

    public Task<Error?> PrepareNextAsync(SamlSpKeyUse use) => ChangeAsync(() => keys.PrepareNextAsync(scope.ParentId, use, scope.PersonId));

    public Task<Error?> PromoteNextAsync(SamlSpKeyUse use) => ChangeAsync(() => keys.PromoteNextAsync(scope.ParentId, use, scope.PersonId));

    public Task<Error?> RetireAsync(Guid keyId) => ChangeAsync(() => keys.RetireAsync(scope.ParentId, keyId, scope.PersonId));

    public Task<Error?> SetSignAuthnRequestsAsync(bool sign) => ChangeAsync(() => keys.SetSignAuthnRequestsAsync(scope.ParentId, sign, scope.PersonId));

    private async Task<Error?> ChangeAsync(Func<Task<Error?>> change)
    {
        var error = await change();
        await LoadAsync();
        return error;
    }
}
