using System.Data.Common;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Web.Components.Shared;
using IdentityAccess.Web.Endpoints.Saml;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace IdentityAccess.Web.Components.AccessSettings;

public sealed partial class GlobalSsoSection
{
    [Parameter, EditorRequired] public ParentSettingsScope Scope { get; set; } = default!;

    /// <summary>How many people the directory assigns to the organization; null on the parent page.</summary>
    [Parameter] public int? AssignedDirectoryUsers { get; set; }

    /// <summary>Whether the acting person may run Sync now here: for the organization on its page, for the whole parent on the parent's.</summary>
    [Parameter] public bool CanSyncNow { get; set; }

    /// <summary>The parent page, for a read-only viewer who may open it.</summary>
    [Parameter] public string? ParentHref { get; set; }

    /// <summary>Shown under the status, such as the organization's sync health.</summary>
    [Parameter] public RenderFragment? AfterStatus { get; set; }

    /// <summary>Raised after Sync now changed memberships, which other sections show.</summary>
    [Parameter] public EventCallback OnSynced { get; set; }

    /// <summary>Raised after the SCIM setup dialog closes, since tokens (and so the sync health beside them) may have changed.</summary>
    [Parameter] public EventCallback OnTokensChanged { get; set; }

    [Inject] private DomainService DomainService { get; set; } = default!;
    [Inject] private SamlConnectionService SamlConnections { get; set; } = default!;
    [Inject] private Core.Sso.Metadata.SamlMetadataRefreshService MetadataRefresh { get; set; } = default!;
    [Inject] private ScimSetupService Scim { get; set; } = default!;
    [Inject] private ParentAdministration ParentAdmins { get; set; } = default!;
    [Inject] private SyncNowService SyncNow { get; set; } = default!;
    [Inject] private SamlServiceProvider SamlSp { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<GlobalSsoSection> Logger { get; set; } = default!;
    [Inject] private Startup.PublicBaseUrl PublicBase { get; set; } = default!;

    private ParentSettingsScope? _loadedFor;
    private DomainsState? _domains;
    private SamlConnectionState? _saml;
    private ScimTokensState? _tokens;
    private IReadOnlyList<ParentAdminView>? _admins;
    private bool _syncing;

    /// <summary>The section's data as the prerender read it, so the circuit does not read it again.</summary>
    [PersistentState] public PrerenderedData<GlobalSsoData>? Prerendered { get; set; }
    private CancellationTokenSource? _sync; // the Sync now under way, for its Cancel button

    private string SyncNowTitle => Scope.OrganizationId is null ? L["SyncLog.SyncNowTooltip.Parent"] : L["SyncLog.SyncNowTooltip.Organization"];

    private string SamlAcsUrl => PublicBase.For(Navigation.BaseUri, SamlServiceProvider.AcsPath).AbsoluteUri;

    // The parent's own metadata: the global one lacks the parent's encryption and signing certificates.
    private string SamlMetadataUrl => PublicBase.For(Navigation.BaseUri, SamlSpMetadataEndpoints.PathFor(Scope.ParentId)).AbsoluteUri;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == Scope)
        {
            return;
        }

        _loadedFor = Scope;
        (_domains, _saml, _tokens) = (new DomainsState(DomainService, Scope), new SamlConnectionState(SamlConnections, MetadataRefresh, Scope), new ScimTokensState(Scim, Scope));
        var key = PrerenderedData.For(Scope);
        if (Prerendered.TryRestore(key, RendererInfo, out var read))
        {
            _domains.Show(read.Domains);
            _saml.Show(read.Saml);
            _tokens.Show(read.Tokens);
            _admins = read.Admins;
        }
        else
        {
            var admins = Scope.CanManage ? Task.FromResult<IReadOnlyList<ParentAdminView>?>(null)
                : Scope.OrganizationId is { } organizationId ? ParentAdmins.ListThroughOrganizationAsync(organizationId, Scope.PersonId)
                : ParentAdmins.ListAsync(Scope.ParentId, Scope.PersonId);
            await Task.WhenAll(_domains.LoadAsync(), _saml.LoadAsync(), _tokens.LoadAsync(), admins);
            _admins = await admins;
        }

        Prerendered = PrerenderedData.Keep(key, new GlobalSsoData(_domains.Domains, _saml.View, _tokens.Tokens, _admins), RendererInfo);
    }

    private Task<Error?> AddDomainAsync(string domain) => ReportAsync(_domains!.AddAsync(domain), L["Identity.Saved.DomainAdded"]);

    private Task<Error?> VerifyDomainAsync(Guid id) => ReportAsync(_domains!.VerifyAsync(id), L["Identity.Saved.DomainVerified"]);

    /// <summary>Shows what removing the domain would cut off, and removes it only once confirmed (typed, when people depend on it).</summary>
    private async Task<Error?> RemoveDomainAsync(Guid id)
    {
        var (impact, refused) = await _domains!.PreviewRemovalAsync(id);
        if (impact is null)
        {
            return refused;
        }

        var dialog = await Dialogs.ShowAsync<DomainRemovalDialog>(L["DomainRemoval.Title", impact.Domain], new DialogParameters<DomainRemovalDialog> { { d => d.Impact, impact } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: var typed })
        {
            return null;
        }

        return await ReportAsync(_domains.RemoveAsync(id, typed as string), L["DomainRemoval.Removed", impact.Domain]);
    }

    private Task<Error?> ImportSamlMetadataAsync(string xml, SamlAttributePreset preset, SamlCustomAttributes? custom) =>
        ReportAsync(_saml!.ImportAsync(xml, preset, custom), L["Identity.Saved.MetadataImported"]);

    private Task<Error?> ImportSamlMetadataFromUrlAsync(string url, SamlAttributePreset preset, SamlCustomAttributes? custom) =>
        ReportAsync(_saml!.ImportFromUrlAsync(url, preset, custom), L["Identity.Saved.MetadataImportedFromUrl"]);

    private Task<Error?> RefreshMetadataAsync() => ReportAsync(_saml!.RefreshNowAsync(), L["Identity.Saved.MetadataRefreshed"]);

    private Task<Error?> StopRefreshingMetadataAsync() => ReportAsync(_saml!.StopRefreshingAsync(), L["Identity.Saved.MetadataUrlStopped"]);

    private Task<Error?> RollBackMetadataAsync() => ReportAsync(_saml!.RollBackAsync(), L["Identity.Saved.MetadataRolledBack"]);

    /// <summary>On at once; off only after the owner read who signs in through the IdP (and typed their number, when anyone does).</summary>
    private async Task<Error?> SetSsoEnabledAsync(bool enabled)
    {
        if (enabled)
        {
            return await ReportAsync(_saml!.SetEnabledAsync(true), L["Identity.Saved.SsoOn"]);
        }

        var (impact, refused) = await _saml!.PreviewDisableAsync();
        if (impact is null)
        {
            return refused;
        }

        var dialog = await Dialogs.ShowAsync<SsoDisableDialog>(L["Identity.Saved.TurnSsoOffTitle"], new DialogParameters<SsoDisableDialog> { { d => d.Impact, impact } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: var typed })
        {
            StateHasChanged();
            return null;
        }

        return await ReportAsync(_saml.SetEnabledAsync(false, typed as int?), L["Identity.Saved.SsoOff"]);
    }

    // The panels raise a Func, not an EventCallback: this section re-renders only when asked.
    private async Task<Error?> ReportAsync(Task<Error?> change, string done)
    {
        var error = await change;
        if (error is null)
        {
            Snackbar.Add(done, Severity.Success);
        }

        StateHasChanged();
        return error;
    }

    private async Task SetUpScimAsync()
    {
        var parameters = new DialogParameters<ScimSetupDialog>
        {
            { d => d.EndpointUrl, PublicBase.For(Navigation.BaseUri, "/scim/v2").AbsoluteUri },
            { d => d.Tokens, _tokens!.Tokens },
            { d => d.Generate, _tokens.GenerateAsync },
            { d => d.PreviewRevoke, _tokens.PreviewRevokeAsync },
            { d => d.Revoke, _tokens.RevokeAsync },
        };
        var dialog = await Dialogs.ShowAsync<ScimSetupDialog>(L["Identity.DirectorySync"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        await dialog.Result;
        await _tokens.LoadAsync();
        await OnTokensChanged.InvokeAsync();
    }

    private async Task SyncNowAsync()
    {
        using var sync = _sync = new CancellationTokenSource();
        _syncing = true;
        try
        {
            var (organizationId, parentId, personId, token) = (Scope.OrganizationId, Scope.ParentId, Scope.PersonId, sync.Token);
            // Off the circuit's thread: SQLite's provider does its I/O synchronously, so awaited here the sync would hold
            // the circuit until done, and the page would never render the progress (nor answer a click) meanwhile.
            // Cancel is awaited, not abandoned: only a sync that has stopped can be said to have changed nothing.
            var outcome = await Task.Run(() => organizationId is { } id ? SyncNow.SyncAsync(id, personId, token) : SyncNow.SyncParentAsync(parentId, personId, token));
            Snackbar.Add(outcome.Refusal is { } refused ? L.Refusal(refused) : DirectorySync.DirectorySyncLabels.SyncNowFinished(outcome.Changed),
                outcome.Refusal is null ? Severity.Success : Severity.Error);
            await OnSynced.InvokeAsync();
        }
        catch (Exception exception) when (sync.IsCancellationRequested && exception is OperationCanceledException or DbException)
        {
            // One transaction, stopped before its commit (SQLite may report the interrupted statement as its own error): rolled back whole.
            Snackbar.Add(L["Identity.Saved.SyncCancelled"], Severity.Info);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException or TimeoutException)
        {
            // The sync is one transaction, so a failed one changed nothing. Said in words; the details go to the log,
            // not to the page, and the page stays usable instead of ending the circuit.
            Logger.LogError(exception, "Sync now failed for parent {ParentId}", Scope.ParentId);
            Snackbar.Add(DirectorySync.DirectorySyncLabels.SyncNowFailed, Severity.Error);
        }
        finally
        {
            (_syncing, _sync) = (false, null);
        }
    }

    private void CancelSync() => _sync?.Cancel();
}
