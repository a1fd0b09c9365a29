using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>
/// An organization's Identity and access page: the parent's shared settings (a section that loads its own), the
/// organization's own settings and the draft that Save changes applies, and the organization's side of its parent.
/// </summary>
public sealed partial class AccessSettingsPage : IDisposable
{
    [Parameter] public Guid OrganizationId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationStateTask { get; set; } = default!;
    [Inject] private ProvisioningSettingsService Settings { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private StagedRemovalService StagedRemovals { get; set; } = default!;
    [Inject] private ProvisioningLogReader SyncLog { get; set; } = default!;
    [Inject] private OrganizationAccessService AccessService { get; set; } = default!;

    private ProvisioningSettingsView? _view;
    private AccessSettingsForm _form = new();
    private IReadOnlyList<Error> _errors = [];
    private bool _busy;
    private Guid? _personId;
    private string? _manageRefusal; // why the organization's settings are read-only for this person
    private IReadOnlyList<StagedRemovalView> _staged = [];
    private DirectorySyncStatus? _syncStatus; // sync health per token, and groups flagged for nested groups
    private MudButton? _saveButton;
    private HeldChangesPanel? _heldChanges; // reads its own data; told to read it again when the page reloads (after Sync now, a save)

    private AssignedButNotMembers? _notMembers;
    private readonly CancellationTokenSource _closed = new();

    private Guid? _loadedFor;
    private bool _loading;

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again whenever the layout re-renders (the circuit coming up, the signed-in state): reading
        // everything again each time doubled the page's cost at 100k members. Only another organization reloads.
        if (_loadedFor == OrganizationId && (_view is not null || _loading || !RendererInfo.IsInteractive))
        {
            return; // a second pass while the first load is under way would reset what the person starts editing
        }

        if (_loadedFor != OrganizationId)
        {
            _notMembers = null; // another organization's list must not show while this one's loads
        }

        _loadedFor = OrganizationId;
        await LoadAsync();
    }

    // Cancelled, not disposed: a handler still running when the page goes (a sync) may yet reach LoadAsync and its token.
    public void Dispose() => _closed.Cancel();

    private Task LoadAsync() => LoadAsync(keepDraft: true);

    /// <param name="keepDraft">False after a save: the form then takes the new saved settings (and their version).</param>
    private async Task LoadAsync(bool keepDraft)
    {
        _loading = true;
        try
        {
            await LoadSettingsAsync(keepDraft);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task LoadSettingsAsync(bool keepDraft)
    {
        var (personId, _) = await ActingAsync();
        _personId = personId;

        // The settings view waits for the page to be interactive: prerendering shows a progress bar instead. The reads
        // are independent, each on its own context, so on PostgreSQL their round trips overlap (SQLite's provider runs
        // them one after another anyway).
        var view = RendererInfo.IsInteractive ? Settings.GetAsync(OrganizationId, personId) : Task.FromResult<ProvisioningSettingsView?>(null);
        var staged = StagedRemovals.ListAsync(OrganizationId, personId);
        var syncStatus = SyncLog.GetStatusAsync(OrganizationId, personId);
        var manage = AccessService.CheckAsync(OrganizationId, personId, Permission.ManageIdentityAccess);
        await Task.WhenAll(view, staged, syncStatus, manage);
        var previous = _view;
        (_view, _staged, _syncStatus, _manageRefusal) = (await view, await staged ?? [], await syncStatus, (await manage).Reason);
        await (_heldChanges?.RefreshAsync() ?? Task.CompletedTask);
        if (_view is not null)
        {
            // A reload (after a sync, say) keeps a draft the person is editing; an untouched form follows the saved settings.
            if (!keepDraft || previous is null || !_form.DiffersFrom(previous.Saved))
            {
                _form = AccessSettingsForm.From(_view.Saved);
            }

            await LoadNotMembersAsync(personId);
        }
    }

    // Sync health lists the tokens: one generated or revoked in the SCIM dialog shows at once.
    private async Task ReloadSyncStatusAsync()
    {
        if (_personId is { } personId)
        {
            _syncStatus = await SyncLog.GetStatusAsync(OrganizationId, personId);
        }
    }

    // The page's one read that grows with the directory (at 100,000 people, 100-200 ms of checking each against the
    // members): it runs after the settings are drawn and off the circuit's thread (SQLite's provider works
    // synchronously), so the form can be used while the list fills. A reload keeps the previous list until the new
    // one has arrived.
    private async Task LoadNotMembersAsync(Guid personId)
    {
        var organizationId = OrganizationId;
        var closed = _closed.Token;
        StateHasChanged();
        var notMembers = await Task.Run(() => Settings.GetAssignedButNotMembersAsync(organizationId, personId, closed), closed);
        if (organizationId == OrganizationId)
        {
            _notMembers = notMembers;
        }
    }

    // The dry run first; only a confirmed dialog saves, and the save re-checks everything in its own transaction.
    private async Task ReviewAndSaveAsync()
    {
        _errors = [];
        var (personId, actor) = await ActingAsync();
        var draft = _form.ToDraft();
        ProvisioningPreview preview;
        _busy = true;
        try
        {
            preview = await Settings.PreviewAsync(OrganizationId, draft, personId);
        }
        finally
        {
            _busy = false; // the dialog is modal; a Save button disabled under it would lose the keyboard focus for good
        }

        var dialog = await Dialogs.ShowAsync<ProvisioningDiffDialog>("Review before saving",
            new DialogParameters<ProvisioningDiffDialog> { { d => d.Preview, preview } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        await FocusSaveButtonAsync();
        if (result is null || result.Canceled)
        {
            return;
        }

        _busy = true;
        try
        {
            var saved = await Settings.SaveAsync(OrganizationId, draft, personId, result.Data as int?);
            _errors = saved.Errors;
            if (_errors.Count == 0)
            {
                var changed = saved.Plan!.Changed.Count(o => !o.AtNextSignIn);
                Snackbar.Add($"Settings saved. {changed} membership change{(changed == 1 ? "" : "s")} applied.", Severity.Success);
                await LoadAsync(keepDraft: false);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    // A closed dialog leaves the focus on the page's body: a keyboard user goes on from the button that opened it.
    private async Task FocusSaveButtonAsync()
    {
        if (_saveButton is not null)
        {
            await _saveButton.FocusAsync();
        }
    }

    // The parent's settings are read through this organization; only parent admins may change them.
    private ParentSettingsScope ScopeFor(OrganizationAccess access, Guid personId) =>
        new(access.Organization!.ParentId, access.Organization.ParentName, OrganizationId, personId, access.IsParentAdmin);

    // The parent page shows to its admins and to the top roles of its organizations (Permission.ViewParent).
    private static bool MayViewParent(OrganizationAccess access) => access.IsParentAdmin || access.Roles?.IsTopRole == true;

    // Applied or discarded as a whole, with the count or the organization's name typed (the server checks it again).
    private async Task DecideHeldChangesAsync(bool apply, string organizationName)
    {
        var (personId, _) = await ActingAsync();
        var decided = 0;
        var dialog = await Dialogs.ShowAsync<HeldChangesDecisionDialog>(apply ? "Apply held changes" : "Discard held changes", new DialogParameters<HeldChangesDecisionDialog>
        {
            { d => d.Count, _staged.Count },
            { d => d.OrganizationName, organizationName },
            { d => d.Apply, apply },
            {
                d => d.Submit, async typed =>
                {
                    var decision = apply ? await StagedRemovals.ApplyAllAsync(OrganizationId, personId, typed) : await StagedRemovals.DiscardAllAsync(OrganizationId, personId, typed);
                    decided = decision.Count;
                    return decision.Refusal;
                }
            },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(apply ? $"{decided} membership change{(decided == 1 ? "" : "s")} applied." : $"{decided} {(decided == 1 ? "person stays" : "people stay")} as they are.",
                Severity.Success);
            await LoadAsync();
        }
    }

    private async Task<PersonOutcome?> SimulateAsync(WhatIfQuestion question)
    {
        var (personId, _) = await ActingAsync();
        return await Settings.SimulateAsync(OrganizationId, _form.ToDraft(), personId, question.PersonEmail, question.GroupKeys);
    }

    private async Task<(Guid PersonId, AuditActor Actor)> ActingAsync()
    {
        var user = (await AuthenticationStateTask).User;
        var personId = user.GetPersonId() ?? Guid.Empty;
        return (personId, new AuditActor(personId, user.Identity?.Name ?? "unknown"));
    }
}
