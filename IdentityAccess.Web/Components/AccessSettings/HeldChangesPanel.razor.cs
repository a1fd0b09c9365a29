using System.Globalization;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Components.Shared;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
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

    private string WhoDecides => L["Held.WhoDecides", OrganizationPermissions.Describe(Product, Permission.ResolveHeldChanges)];

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

    private string Title(HeldTopRoleChangeList list) => L.Count("Held.Title", list.Items.Count, TopRole);

    /// <summary>What the IdP asked, in a few words ("Remove from the organization", "Demote from Owner to User"), in the reader's language.</summary>
    internal static string Asked(IStringLocalizer localizer, HeldTopRoleChangeView held) => held.Change switch
    {
        ChangeKind.Deprovision => localizer["Held.Asked.Deprovision"],
        ChangeKind.Suspend => localizer["Held.Asked.Suspend"],
        ChangeKind.BlockSignIn => localizer["Held.Asked.BlockSignIn"],
        ChangeKind.BecomePending => localizer["Held.Asked.BecomePending"],
        ChangeKind.Demote => localizer["Held.Asked.Demote", RoleCatalog.DisplayName(held.FromRole),
            held.ToRole is { } to ? RoleCatalog.DisplayName(to) : localizer["Held.Asked.AnotherRole"]],
        // Never held (only what takes the top role away is): Core's word for the kind.
        ChangeKind.Provision or ChangeKind.Promote or ChangeKind.TierChange or ChangeKind.Admit or ChangeKind.Restore => held.Asked,
    };

    private async Task ApplyAsync(HeldTopRoleChangeView held)
    {
        var state = _state!;
        var dialog = await Dialogs.ShowAsync<HeldChangeApplyDialog>(L["Held.ApplyDialogTitle"], new DialogParameters<HeldChangeApplyDialog>
        {
            { d => d.Held, held },
            { d => d.TopRole, TopRole },
            { d => d.Submit, typed => state.ApplyAsync(held.Id, typed) },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Held.Applied", Asked(L, held).ToLower(CultureInfo.CurrentCulture), held.DisplayName], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }

    private async Task KeepAsync(HeldTopRoleChangeView held)
    {
        if (await _state!.KeepAsync(held.Id) is null)
        {
            Snackbar.Add(L["Held.Kept", held.DisplayName], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }
}
