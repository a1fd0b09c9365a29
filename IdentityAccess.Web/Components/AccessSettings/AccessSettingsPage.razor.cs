using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

public sealed partial class AccessSettingsPage : IDisposable
{
    [Parameter] public Guid OrganizationId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationStateTask { get; set; } = default!;
    [Inject] private ProvisioningSettingsService Settings { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ScimSetupService Scim { get; set; } = default!;
    [Inject] private SyncNowService SyncNow { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private StagedRemovalService StagedRemovals { get; set; } = default!;
    [Inject] private DomainService DomainService { get; set; } = default!;
    [Inject] private ProvisioningLogReader SyncLog { get; set; } = default!;
    [Inject] private SamlConnectionService SamlConnections { get; set; } = default!;
    [Inject] private SamlServiceProvider SamlSp { get; set; } = default!;

    private ProvisioningSettingsView? _view;
    private AccessSettingsForm _form = new();
    private IReadOnlyList<Error> _errors = [];
    private bool _busy;
    private bool _syncing;
    private IReadOnlyList<ScimTokenInfo> _scimTokens = [];
    private IReadOnlyList<StagedRemovalView> _staged = [];
    private IReadOnlyList<DomainView> _domains = [];
    private DirectorySyncStatus? _syncStatus; // sync health per token, and groups flagged for nested groups
    private SamlConnectionView? _saml;
    private MudButton? _saveButton;
    private HeldChangesPanel? _heldChanges; // reads its own data; told to read it again when the page reloads (after Sync now, a save)

    private AssignedButNotMembers? _notMembers;
    private readonly CancellationTokenSource _closed = new();

    private Guid? _loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again whenever the layout re-renders (the circuit coming up, the signed-in state): reading
        // everything again each time doubled the page's cost at 100k members. Only another organization reloads.
        if (_loadedFor == OrganizationId && (_view is not null || !RendererInfo.IsInteractive))
        {
            return;
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

    private async Task LoadAsync()
    {
        var (personId, _) = await ActingAsync();

        // The settings view waits for the page to be interactive: prerendering shows a progress bar instead. The reads
        // are independent, each on its own context, so on PostgreSQL their round trips overlap (SQLite's provider runs
        // them one after another anyway).
        var view = RendererInfo.IsInteractive ? Settings.GetAsync(OrganizationId, personId) : Task.FromResult<ProvisioningSettingsView?>(null);
        var scimTokens = Scim.ListAsync(OrganizationId, personId);
        var staged = StagedRemovals.ListAsync(OrganizationId, personId);
        var domains = DomainService.ListAsync(OrganizationId, personId);
        var syncStatus = SyncLog.GetStatusAsync(OrganizationId, personId);
        var saml = SamlConnections.GetAsync(OrganizationId, personId);
        await Task.WhenAll(view, scimTokens, staged, domains, syncStatus, saml);
        (_view, _scimTokens, _staged, _domains) = (await view, await scimTokens ?? [], await staged ?? [], await domains ?? []);
        (_syncStatus, _saml) = (await syncStatus, await saml);
        await (_heldChanges?.RefreshAsync() ?? Task.CompletedTask);
        if (_view is not null)
        {
            _form = AccessSettingsForm.From(_view.Saved);
            await LoadNotMembersAsync(personId);
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
                await LoadAsync();
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

    private Task<Error?> AddDomainAsync(string domain) => DomainChangeAsync(actor => DomainService.AddAsync(OrganizationId, domain, actor), "Domain added. Publish its TXT record, then press Verify.");

    private Task<Error?> VerifyDomainAsync(Guid id) => DomainChangeAsync(actor => DomainService.VerifyAsync(OrganizationId, id, actor), "Domain verified.");

    private Task<Error?> RemoveDomainAsync(Guid id) => DomainChangeAsync(actor => DomainService.RemoveAsync(OrganizationId, id, actor), "Domain removed.");

    private string SamlAcsUrl => SamlSp.AbsoluteUrl(Navigation.BaseUri, SamlServiceProvider.AcsPath).AbsoluteUri;

    private string SamlMetadataUrl => SamlSp.AbsoluteUrl(Navigation.BaseUri, SamlServiceProvider.MetadataPath).AbsoluteUri;

    private Task<Error?> ImportSamlMetadataAsync(string xml, SamlAttributePreset preset, SamlCustomAttributes? custom) =>
        SamlChangeAsync(actor => SamlConnections.ImportMetadataAsync(OrganizationId, xml, preset, actor, custom), "IdP metadata imported.");

    private Task<Error?> SetSsoEnabledAsync(bool enabled) =>
        SamlChangeAsync(actor => SamlConnections.SetEnabledAsync(OrganizationId, enabled, actor), enabled ? "SSO turned on." : "SSO turned off.");

    private async Task<Error?> SamlChangeAsync(Func<AuditActor, Task<Error?>> change, string done)
    {
        var (personId, actor) = await ActingAsync();
        var error = await change(actor);
        if (error is null)
        {
            Snackbar.Add(done, Severity.Success);
        }

        _saml = await SamlConnections.GetAsync(OrganizationId, personId);
        StateHasChanged(); // the panel raised a Func, not an EventCallback: this page re-renders only when asked
        return error;
    }

    private async Task<Error?> DomainChangeAsync(Func<AuditActor, Task<Error?>> change, string done)
    {
        var (personId, actor) = await ActingAsync();
        var error = await change(actor);
        if (error is null)
        {
            Snackbar.Add(done, Severity.Success);
        }

        _domains = await DomainService.ListAsync(OrganizationId, personId) ?? [];
        StateHasChanged(); // called through a Func from the panel, not an EventCallback: nothing re-renders this page by itself
        return error;
    }

    private async Task ApproveRemovalsAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Approve the removals?",
            $"{_staged.Count} people will lose access to this organization now.", yesText: "Approve", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await DecideAsync(async personId => await StagedRemovals.ApproveAsync(OrganizationId, personId), n => $"{n} membership change{(n == 1 ? "" : "s")} applied.");
    }

    private Task RejectRemovalsAsync() =>
        DecideAsync(async personId => await StagedRemovals.RejectAsync(OrganizationId, personId), n => $"{n} {(n == 1 ? "person stays" : "people stay")}, now managed by hand.");

    private async Task DecideAsync(Func<Guid, Task<int?>> decide, Func<int, string> done)
    {
        _busy = true;
        try
        {
            var (personId, _) = await ActingAsync();
            var count = await decide(personId);
            Snackbar.Add(count is { } n ? done(n) : "You may not decide on removals here.", count is null ? Severity.Error : Severity.Success);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
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
