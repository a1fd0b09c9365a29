using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

public sealed partial class AccessSettingsPage
{
    [Parameter] public Guid OrganizationId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationStateTask { get; set; } = default!;
    [Inject] private ProvisioningSettingsService Settings { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ScimSetupService Scim { get; set; } = default!;
    [Inject] private SyncNowService SyncNow { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ProvisioningLogReader SyncLog { get; set; } = default!;

    private ProvisioningSettingsView? _view;
    private AccessSettingsForm _form = new();
    private IReadOnlyList<Error> _errors = [];
    private bool _busy;
    private bool _syncing;
    private IReadOnlyList<ScimTokenInfo> _scimTokens = [];
    private DirectorySyncStatus? _syncStatus; // sync health per token, and groups flagged for nested groups

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var (personId, _) = await ActingAsync();
        _view = await Settings.GetAsync(OrganizationId, personId);
        _scimTokens = await Scim.ListAsync(OrganizationId, personId) ?? [];
        _syncStatus = await SyncLog.GetStatusAsync(OrganizationId, personId);
        if (_view is not null)
        {
            _form = AccessSettingsForm.From(_view.Saved);
        }
    }

    // The dry run first; only a confirmed dialog saves, and the save re-checks everything in its own transaction.
    private async Task ReviewAndSaveAsync()
    {
        _busy = true;
        _errors = [];
        try
        {
            var (personId, actor) = await ActingAsync();
            var draft = _form.ToDraft();
            var preview = await Settings.PreviewAsync(OrganizationId, draft, personId);
            var dialog = await Dialogs.ShowAsync<ProvisioningDiffDialog>("Review before saving",
                new DialogParameters<ProvisioningDiffDialog> { { d => d.Preview, preview } },
                new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
            var result = await dialog.Result;
            if (result is null || result.Canceled)
            {
                return;
            }

            var saved = await Settings.SaveAsync(OrganizationId, draft, personId, result.Data as int?, actor);
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

    private async Task SetUpScimAsync()
    {
        var (_, actor) = await ActingAsync();
        var parameters = new DialogParameters<ScimSetupDialog>
        {
            { d => d.EndpointUrl, Navigation.BaseUri.TrimEnd('/') + "/scim/v2" },
            { d => d.Tokens, _scimTokens },
            { d => d.Generate, () => Scim.GenerateAsync(OrganizationId, actor) },
            { d => d.Revoke, id => Scim.RevokeAsync(OrganizationId, id, actor) },
        };
        var dialog = await Dialogs.ShowAsync<ScimSetupDialog>("Directory sync (SCIM)", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        await dialog.Result;
        await LoadAsync();
    }

    private async Task SyncNowAsync()
    {
        _syncing = true;
        try
        {
            var (_, actor) = await ActingAsync();
            var changed = await SyncNow.SyncAsync(OrganizationId, actor);
            Snackbar.Add(changed is null ? "You may not run a sync here." : $"Sync finished: {changed} membership change{(changed == 1 ? "" : "s")}.",
                changed is null ? Severity.Error : Severity.Success);
            await LoadAsync();
        }
        finally
        {
            _syncing = false;
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
