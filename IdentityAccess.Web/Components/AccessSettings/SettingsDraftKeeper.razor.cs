using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Drafts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>
/// The unsaved draft of the Identity and access form (issue #20): the help article says not to save before everyone
/// is assigned in the IdP, so what the person chose must survive leaving or reloading the page. The page re-renders
/// this component after each change of the form; each render that changed the form keeps it on the server.
/// </summary>
public sealed partial class SettingsDraftKeeper
{
    [Parameter, EditorRequired] public Guid OrganizationId { get; set; }

    [Parameter, EditorRequired] public Guid PersonId { get; set; }

    [Parameter, EditorRequired] public AccessSettingsForm Form { get; set; } = default!;

    /// <summary>The settings as saved now.</summary>
    [Parameter, EditorRequired] public ProvisioningDraft Saved { get; set; } = default!;

    [Parameter] public bool Disabled { get; set; }

    /// <summary>Hides the notice while the Save changes dry run shows its progress in the same place.</summary>
    [Parameter] public bool Quiet { get; set; }

    /// <summary>The form to show instead: the kept draft when the page opens, the saved settings after Discard.</summary>
    [Parameter] public EventCallback<ProvisioningDraft> OnRestore { get; set; }

    [Inject] private SettingsDraftService Drafts { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private SettingsDraftState? _state;

    private bool Unsaved => RendererInfo.IsInteractive && Form.DiffersFrom(Saved);

    protected override async Task OnParametersSetAsync()
    {
        // Not in the prerender: the circuit would look again, and a kept draft must not flash the saved settings first.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        if (_state is null)
        {
            _state = new SettingsDraftState(Drafts, OrganizationId, PersonId);
            if (await _state.RestoreAsync(Saved) is { } kept)
            {
                await OnRestore.InvokeAsync(kept);
            }

            return;
        }

        await _state.KeepAsync(() => Form.ToDraft()); // read at each turn: the page may hand over another form meanwhile
    }

    private async Task DiscardAsync()
    {
        if (_state is not null && await _state.DiscardAsync(Saved) is null)
        {
            await OnRestore.InvokeAsync(Saved);
        }
    }

    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (!Unsaved)
        {
            return;
        }

        await (_state?.KeepAsync(() => Form.ToDraft()) ?? Task.CompletedTask); // what they leave is what comes back
        var leave = await Dialogs.ShowMessageBoxAsync(L["Draft.LeaveTitle"], L["Draft.LeaveBody"], yesText: L["Draft.Leave"], cancelText: L["Draft.Stay"]);
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
