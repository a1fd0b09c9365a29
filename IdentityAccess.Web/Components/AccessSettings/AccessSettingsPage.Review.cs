using IdentityAccess.Core.Provisioning;
using IdentityAccess.Web.Localization;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>Save changes: the dry run (off the circuit's thread, with progress and Cancel), the review dialog, then the save.</summary>
public sealed partial class AccessSettingsPage
{
    // The dry run first; only a confirmed dialog saves, and the save re-checks everything in its own transaction.
    private async Task ReviewAndSaveAsync()
    {
        _errors = [];
        var (personId, _) = await ActingAsync();
        var draft = _form.ToDraft();
        var preview = await DryRunAsync(draft, personId);
        StateHasChanged(); // the progress goes and the Save button is enabled again before it takes the focus back
        if (preview is null)
        {
            await FocusSaveButtonAsync();
            return;
        }

        var dialog = await Dialogs.ShowAsync<ProvisioningDiffDialog>(L["Review.Title"],
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
                Snackbar.Add(L.Count("Identity.Saved.Settings", changed), Severity.Success);
                await LoadAsync(keepDraft: false);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    // Off the circuit's thread (SQLite's provider does its I/O synchronously): at 100k people the dry run takes a while,
    // and awaited here it would hold the circuit, so the page could neither show its progress nor take the Cancel.
    // The dry run writes nothing, so Cancel stops waiting at once; the read itself stops at its next query.
    private async Task<ProvisioningPreview?> DryRunAsync(ProvisioningDraft draft, Guid personId)
    {
        var organizationId = OrganizationId;
        using var dryRun = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        (_dryRun, _busy) = (dryRun, true);
        try
        {
            var token = dryRun.Token;
            return await Task.Run(() => Settings.PreviewAsync(organizationId, draft, personId, token), token).WaitAsync(token);
        }
        catch (OperationCanceledException) when (dryRun.IsCancellationRequested)
        {
            if (!_closed.IsCancellationRequested)
            {
                Snackbar.Add(L["Identity.Saved.ReviewCancelled"], Severity.Info);
            }

            return null;
        }
        finally
        {
            // The dialog is modal; a Save button disabled under it would lose the keyboard focus for good.
            (_dryRun, _busy) = (null, false);
        }
    }

    private void CancelDryRun() => _dryRun?.Cancel();

    // A closed dialog leaves the focus on the page's body: a keyboard user goes on from the button that opened it.
    private async Task FocusSaveButtonAsync()
    {
        if (_saveButton is not null)
        {
            await _saveButton.FocusAsync();
        }
    }
}
