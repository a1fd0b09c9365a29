using System.Data.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The page's directory sync actions: the SCIM setup dialog, and Sync now with its progress and outcome.</summary>
public sealed partial class AccessSettingsPage
{
    [Inject] private ILogger<AccessSettingsPage> Logger { get; set; } = default!;

    [Inject] private Startup.PublicBaseUrl PublicBase { get; set; } = default!;

    private async Task SetUpScimAsync()
    {
        var (_, actor) = await ActingAsync();
        var parameters = new DialogParameters<ScimSetupDialog>
        {
            { d => d.EndpointUrl, PublicBase.For(Navigation.BaseUri, "/scim/v2").AbsoluteUri },
            { d => d.Tokens, _scimTokens },
            { d => d.Generate, () => Scim.GenerateAsync(OrganizationId, actor) },
            { d => d.Revoke, id => Scim.RevokeAsync(OrganizationId, id, actor) },
        };
        var dialog = await Dialogs.ShowAsync<ScimSetupDialog>("Directory sync (SCIM)", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        await dialog.Result;
        await LoadAsync();
    }

    private async Task SyncNowAsync()
    {
        _syncing = true;
        try
        {
            var (personId, _) = await ActingAsync();
            // Off the circuit's thread: SQLite's provider does its I/O synchronously, so awaited here the sync would hold
            // the circuit until done, and the page would never render the progress (nor answer a click) meanwhile.
            var outcome = await Task.Run(() => SyncNow.SyncAsync(OrganizationId, personId));
            Snackbar.Add(outcome.Refusal?.Message ?? $"Sync finished: {outcome.Changed} membership change{(outcome.Changed == 1 ? "" : "s")}.",
                outcome.Refusal is null ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException or TimeoutException)
        {
            // The sync is one transaction, so a failed one changed nothing. Said in words; the details go to the log,
            // not to the page, and the page stays usable instead of ending the circuit.
            Logger.LogError(exception, "Sync now failed for organization {OrganizationId}", OrganizationId);
            Snackbar.Add("Sync now could not finish, so nothing was changed. Try again in a moment; if it keeps failing, the server log has the details.",
                Severity.Error);
        }
        finally
        {
            _syncing = false;
        }
    }
}
