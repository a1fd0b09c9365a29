using System.Globalization;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

public sealed partial class HeldChangesPanel
{
    [Parameter, EditorRequired] public Guid OrganizationId { get; set; }

    /// <summary>The organization's product, for the top role's name; chat when not given.</summary>
    [Parameter] public Product Product { get; set; } = Product.Chat;

    /// <summary>A decision changed a member (applied or kept): what other sections show may have changed.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationStateTask { get; set; } = default!;
    [Inject] private HeldTopRoleChangeService Service { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private HeldChangesState? _state;

    /// <summary>The held changes as the prerender read them, so the circuit does not read them again.</summary>
    [PersistentState] public PrerenderedData<HeldTopRoleChangeList?>? Prerendered { get; set; }

    private string TopRole => RoleCatalog.DisplayName(RoleCatalog.TopRole(Product));

    private string WhoDecides => $"Only {OrganizationPermissions.Describe(Product, Permission.ResolveHeldChanges)} can apply or keep a held change.";

    protected override async Task OnParametersSetAsync()
    {
        if (_state?.OrganizationId == OrganizationId)
        {
            return;
        }

        var personId = (await AuthenticationStateTask).User.GetPersonId() ?? Guid.Empty;
        _state = new HeldChangesState(Service, OrganizationId, personId);
        var key = PrerenderedData.For(OrganizationId, personId);
        if (Prerendered.TryRestore(key, RendererInfo, out var list))
        {
            _state.Show(list);
        }
        else
        {
            await _state.LoadAsync();
        }

        Prerendered = PrerenderedData.Keep(key, _state.List, RendererInfo);
    }

    /// <summary>Reads the held changes again, after something else on the page may have changed them (Sync now).</summary>
    public async Task RefreshAsync()
    {
        if (_state is not null)
        {
            await _state.LoadAsync();
            StateHasChanged();
        }
    }

    private string Title(HeldTopRoleChangeList list) =>
        list.Items.Count == 1 ? $"1 change held so the organization keeps an {TopRole}" : $"{list.Items.Count} changes held so the organization keeps an {TopRole}";

    private static string Since(HeldTopRoleChangeView held) => held.HeldAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private async Task ApplyAsync(HeldTopRoleChangeView held)
    {
        var state = _state!;
        var dialog = await Dialogs.ShowAsync<HeldChangeApplyDialog>("Apply the held change", new DialogParameters<HeldChangeApplyDialog>
        {
            { d => d.Held, held },
            { d => d.TopRole, TopRole },
            { d => d.Submit, typed => state.ApplyAsync(held.Id, typed) },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Applied: {held.Asked.ToLowerInvariant()} for {held.DisplayName}.", Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }

    private async Task KeepAsync(HeldTopRoleChangeView held)
    {
        if (await _state!.KeepAsync(held.Id) is null)
        {
            Snackbar.Add($"{held.DisplayName} keeps their role; it is now kept by hand.", Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }
}
