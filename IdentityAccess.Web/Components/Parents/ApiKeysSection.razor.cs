using System.Globalization;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IdentityAccess.Web.Components.Parents;

public sealed partial class ApiKeysSection
{
    [Parameter, EditorRequired] public ParentPageScope Scope { get; set; } = default!;

    [Inject] private ApiKeyAdministration Keys { get; set; } = default!;
    [Inject] private ParentOrganizationsQuery Organizations { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    /// <summary>The keys as the prerender read them (null: not the person's to see), so the circuit does not read them again.</summary>
    [PersistentState] public PrerenderedData<IReadOnlyList<ApiKeyView>?>? Prerendered { get; set; }

    private ApiKeysState? _state;
    private ParentPageScope? _loadedFor;
    private Error? _error;
    private bool _busy;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == Scope)
        {
            return;
        }

        _loadedFor = Scope;
        _state = new ApiKeysState(Keys, Organizations, Scope);
        var key = PrerenderedData.For(Scope);
        if (Prerendered.TryRestore(key, RendererInfo, out var read))
        {
            _state.Show(read);
        }
        else
        {
            await _state.LoadAsync();
        }

        Prerendered = PrerenderedData.Keep(key, _state.Keys, RendererInfo);
    }

    private async Task CreateAsync()
    {
        _error = null;
        var organizations = await _state!.OrganizationsAsync();
        var dialog = await Dialogs.ShowAsync<CreateApiKeyDialog>(L["ApiKeys.Create"], new DialogParameters<CreateApiKeyDialog>
        {
            { d => d.ParentName, Scope.ParentName },
            { d => d.Organizations, organizations },
            { d => d.Create, _state.CreateAsync },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false, Data: CreatedApiKey created })
        {
            Snackbar.Add(L["ApiKeys.Made", created.Name], Severity.Success);
        }
    }

    private async Task RevokeAsync(ApiKeyView key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["ApiKeys.RevokeTitle", key.Name], L["ApiKeys.RevokeBody", key.Name, $"ia_{key.Prefix}_…"],
            yesText: L["ApiKeys.Revoke"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            _error = await _state!.RevokeAsync(key.Id);
        }
        finally
        {
            _busy = false;
        }

        if (_error is null)
        {
            Snackbar.Add(L["ApiKeys.Revoked", key.Name], Severity.Success);
        }
    }

    private string ScopeName(ApiKeyScope scope) => scope switch
    {
        ApiKeyScope.ReadOnly => L["ApiKeys.ReadOnly"],
        ApiKeyScope.ReadWrite => L["ApiKeys.ReadWrite"],
    };

    // A key past its expiry is still listed (only revoked ones are not): say that it no longer works.
    private string Expiry(DateTimeOffset? expiresAt) => expiresAt switch
    {
        null => L["ApiKeys.Never"],
        { } at when at <= Time.GetUtcNow() => L["ApiKeys.Expired", Day(at)],
        { } at => Day(at),
    };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.CurrentCulture);
}
