using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Components.Shared;
using IdentityAccess.Web.Localization;
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
    private CancellationTokenSource? _dryRun; // the Save changes dry run under way, for its Cancel button

    private Guid? _loadedFor;
    private bool _loading;

    /// <summary>
    /// The settings read while the page was prerendered, carried into the interactive render (the framework serializes
    /// it into the page and restores it when the circuit starts), so the circuit draws them without reading them again.
    /// </summary>
    [PersistentState] public AccessSettingsSnapshot? Prerendered { get; set; }

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
            (_notMembers, _view) = (null, null); // another organization's list and form must not show, nor be kept as this one's draft, while this one's are read
        }

        _loadedFor = OrganizationId;
        var (personId, _) = await ActingAsync();
        if (Prerendered is { } prerendered && prerendered.IsFor(OrganizationId, personId) && RendererInfo.IsInteractive)
        {
            Prerendered = null; // used once: a later visit in this circuit reads afresh
            Show(prerendered, keepDraft: false);
            await LoadNotMembersAsync(personId);
            return;
        }

        await LoadAsync();
    }

    // Cancelled, not disposed: a handler still running when the page goes (a sync) may yet reach LoadAsync and its token.
    public void Dispose()
    {
        _closed.Cancel();
        _dryRun?.Cancel();
    }

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

        // Read in the prerender too, so the first response holds the settings. The reads are independent, each on its
        // own context, so on PostgreSQL their round trips overlap (SQLite's provider runs them one after another anyway).
        var view = Settings.GetAsync(OrganizationId, personId);
        var staged = StagedRemovals.ListAsync(OrganizationId, personId);
        var syncStatus = SyncLog.GetStatusAsync(OrganizationId, personId);
        var manage = AccessService.CheckAsync(OrganizationId, personId, Permission.ManageIdentityAccess);
        await Task.WhenAll(view, staged, syncStatus, manage);
        var snapshot = new AccessSettingsSnapshot(OrganizationId, personId, await view, await staged ?? [], SyncStatusSnapshot.From(await syncStatus), (await manage).Refusal is { } refusal ? L.Refusal(refusal) : null);
        Show(snapshot, keepDraft);
        if (!RendererInfo.IsInteractive)
        {
            Prerendered = PrerenderBudget.Fits(snapshot) ? snapshot : null; // persisted when the prerender ends; a large one is read again
            return; // "not members" grows with the directory: it is read once the page is interactive, not in the first response
        }

        await (_heldChanges?.RefreshAsync() ?? Task.CompletedTask);
        if (_view is not null)
        {
            await LoadNotMembersAsync(personId);
        }
    }

    private void Show(AccessSettingsSnapshot snapshot, bool keepDraft)
    {
        var previous = _view;
        (_personId, _view, _staged, _syncStatus, _manageRefusal) = (snapshot.PersonId, snapshot.View, snapshot.Staged, snapshot.SyncStatus?.ToStatus(), snapshot.ManageRefusal);
        // A reload (after a sync, say) keeps a draft the person is editing; an untouched form follows the saved settings.
        if (_view is not null && (!keepDraft || previous is null || !_form.DiffersFrom(previous.Saved)))
        {
            _form = AccessSettingsForm.From(_view.Saved);
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

    // A search or another page of the list: read off the circuit's thread for the same reason, the server checking again
    // that this person may view identity and access here.
    private Task<AssignedButNotMembers?> LoadNotMembersPageAsync(NotMembersQuery query, CancellationToken cancellationToken)
    {
        var organizationId = OrganizationId;
        return _personId is { } personId
            ? Task.Run(() => Settings.GetAssignedButNotMembersAsync(organizationId, personId, query, cancellationToken), cancellationToken)
            : Task.FromResult<AssignedButNotMembers?>(null);
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
        var dialog = await Dialogs.ShowAsync<HeldChangesDecisionDialog>(apply ? L["Staged.ApplyDialogTitle"] : L["Staged.DiscardDialogTitle"], new DialogParameters<HeldChangesDecisionDialog>
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
            Snackbar.Add(apply ? L.Count("Identity.Saved.Applied", decided) : L.Count("Identity.Saved.Kept", decided), Severity.Success);
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
