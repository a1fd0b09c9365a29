using System.Data.Common;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Components.DirectorySync;
using IdentityAccess.Web.Components.Shared;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace IdentityAccess.Web.Components.Members;

public sealed partial class MembersPage
{
    [Parameter] public Guid OrganizationId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationStateTask { get; set; } = default!;
    [Inject] private OrganizationAccessService AccessService { get; set; } = default!;
    [Inject] private MemberDirectory Members { get; set; } = default!;
    [Inject] private MemberAdministration Administration { get; set; } = default!;
    [Inject] private SeatLedger Seats { get; set; } = default!;
    [Inject] private SeatPurchase SeatPurchase { get; set; } = default!;
    [Inject] private ProvisioningSettingsService ProvisioningSettings { get; set; } = default!;
    [Inject] private SyncNowService SyncNow { get; set; } = default!;
    [Inject] private ILogger<MembersPage> Logger { get; set; } = default!;
    [Inject] private SeatQueueService SeatQueue { get; set; } = default!;
    [Inject] private InvitationAdministration Invitations { get; set; } = default!;
    [Inject] private InvitationDirectory InvitationDirectory { get; set; } = default!;
    [Inject] private IOptions<InvitationOptions> InvitationOptions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private Startup.PublicBaseUrl PublicBase { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    // Links in emails start from the configured public base (the request's own address counts in Development only).
    private string LinkBase => PublicBase.For(Navigation.BaseUri, "/").AbsoluteUri;

    private IReadOnlyList<SeatUsage> _seats = [];
    private SeatQueue? _queue;
    private IReadOnlyList<PendingInvitation> _invitations = [];
    private Dictionary<Guid, PendingInvitation> _invitationsByMembership = [];
    private MemberTable? _table;

    private MemberPage? _firstPage; // the table's first page, read with the rest so it is drawn with them
    private Guid? _loadedFor;

    /// <summary>
    /// What the prerender read, carried into the interactive render (the framework serializes it into the page and
    /// restores it when the circuit starts), so the circuit draws the page without reading it again.
    /// </summary>
    [PersistentState] public MembersSnapshot? Prerendered { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again whenever the layout re-renders (the circuit coming up): only another organization reads again.
        if (_loadedFor == OrganizationId)
        {
            return;
        }

        _loadedFor = OrganizationId;
        var acting = await ActingPersonAsync();
        if (Prerendered is { } prerendered && prerendered.IsFor(OrganizationId, acting) && RendererInfo.IsInteractive)
        {
            Prerendered = null; // used once: a later visit in this circuit reads afresh
            Show(prerendered);
            return;
        }

        // The gate says why to someone who may not manage members; nothing is read (nor carried into the page) for them.
        if (!(await AccessService.CheckAsync(OrganizationId, acting, Permission.ManageMembers)).IsGranted)
        {
            return;
        }

        var snapshot = await ReadSeatsAsync(acting) with { FirstPage = await Members.GetPageAsync(OrganizationId, MemberTable.FirstQuery) };
        Show(snapshot);
        if (!RendererInfo.IsInteractive)
        {
            Prerendered = PrerenderBudget.Fits(snapshot) ? snapshot : null; // persisted when the prerender ends; a large one is read again
        }
    }

    private async Task<MembersSnapshot> ReadSeatsAsync(Guid acting) => new(OrganizationId, acting, await Seats.GetUsageAsync(OrganizationId),
        await SeatQueue.GetAsync(OrganizationId, acting), await InvitationDirectory.ListPendingAsync(OrganizationId, acting), null);

    private void Show(MembersSnapshot snapshot)
    {
        (_seats, _queue, _invitations) = (snapshot.Seats, snapshot.Queue, snapshot.Invitations);
        _invitationsByMembership = _invitations.ToDictionary(i => i.MembershipId);
        _firstPage = snapshot.FirstPage; // null after a refresh: the table then reloads its own page
    }

    private async Task LoadSeatsAsync() => Show(await ReadSeatsAsync(await ActingPersonAsync()));

    private PendingInvitation? InvitationOf(Guid membershipId) => _invitationsByMembership.GetValueOrDefault(membershipId);

    private async Task<IReadOnlyList<KnownPerson>?> WouldAdmitAsync(SeatTier? tier, int seats) =>
        await SeatQueue.WouldAdmitAsync(OrganizationId, await ActingPersonAsync(), tier, seats);

    // Every call checks access again: a role removed by sync takes effect at the next page, not the next sign-in.
    private async Task<MemberPage> LoadPageAsync(MemberQuery query, CancellationToken cancellationToken)
    {
        var personId = (await AuthenticationStateTask).User.GetPersonId();
        var access = await AccessService.CheckAsync(OrganizationId, personId, Permission.ManageMembers, cancellationToken);
        return access.IsGranted ? await Members.GetPageAsync(OrganizationId, query, cancellationToken) : new MemberPage([], 0);
    }

    private static bool IsTopRole(OrganizationAccess access) => access.Role == RoleCatalog.TopRole(access.Organization!.Product);

    private async Task AddAsync(OrganizationAccess access)
    {
        var acting = await ActingPersonAsync();
        var email = await MemberDialogs.AddAsync(Dialogs, L, access.Organization!, _seats, member => Administration.AddAsync(OrganizationId, member, acting));
        if (email is not null)
        {
            Snackbar.Add(L["Member.Added", email, access.Organization!.Name], Severity.Success);
            await RefreshAsync();
        }
    }

    // Links in the email start with Portal:PublicBaseUrl when it is set; the address this page was reached at only otherwise.
    private async Task InviteAsync(OrganizationAccess access)
    {
        var acting = await ActingPersonAsync();
        var email = await MemberDialogs.InviteAsync(Dialogs, L, access.Organization!, _seats, InvitationOptions.Value.Lifetime,
            member => Invitations.InviteAsync(OrganizationId, member, acting, LinkBase));
        if (email is not null)
        {
            Snackbar.Add(L["Invite.Invited", email, access.Organization!.Name], Severity.Success);
            await RefreshAsync();
        }
    }

    private async Task ResendAsync(PendingInvitation invitation)
    {
        var refused = await Invitations.ResendAsync(OrganizationId, invitation.InvitationId, await ActingPersonAsync(), LinkBase);
        Snackbar.Add(refused is not null ? L.Refusal(refused) : L["Invite.Resent", invitation.Email],
            refused is null ? Severity.Success : Severity.Error);
        await RefreshAsync();
    }

    private async Task RevokeAsync(PendingInvitation invitation)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Invite.RevokeTitle"], L["Invite.RevokeBody", invitation.Email],
            yesText: L["Invite.Revoke"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var refused = await Invitations.RevokeAsync(OrganizationId, invitation.InvitationId, await ActingPersonAsync());
        Snackbar.Add(refused is not null ? L.Refusal(refused) : L["Invite.Revoked", invitation.Email], refused is null ? Severity.Success : Severity.Error);
        await RefreshAsync();
    }

    private async Task ChangeRoleAsync(OrganizationAccess access, MemberListItem member)
    {
        var acting = await ActingPersonAsync();
        // "Why this role?" reads the organization's whole input: only worth it where the IdP can decide roles at all.
        var explanation = access.Organization!.ProvisioningMode == ProvisioningMode.Manual
            ? null
            : await ProvisioningSettings.ExplainAsync(OrganizationId, member.PersonId, acting);
        var change = await MemberDialogs.ChangeRoleAsync(Dialogs, L, access.Organization!, member, _seats, explanation,
            c => Administration.ChangeRoleAsync(OrganizationId, member.MembershipId, c.Role, c.Tier, acting));
        if (change is not null)
        {
            Snackbar.Add(L["Member.NowRole", member.DisplayName, MemberLabels.RoleAndTier(change.Role, change.Tier)], Severity.Success);
            await RefreshAsync();
        }
    }

    private async Task RemoveAsync(OrganizationAccess access, MemberListItem member)
    {
        var acting = await ActingPersonAsync();
        if (await MemberDialogs.RemoveAsync(Dialogs, L, access.Organization!, member, () => Administration.RemoveAsync(OrganizationId, member.MembershipId, acting)))
        {
            Snackbar.Add(L["Member.Removed", member.DisplayName, access.Organization!.Name], Severity.Success);
            await RefreshAsync();
        }
    }

    private async Task BuySeatsAsync(OrganizationAccess access)
    {
        var acting = await ActingPersonAsync();
        var order = await MemberDialogs.BuySeatsAsync(Dialogs, L, _seats, o => SeatPurchase.SetPurchasedAsync(OrganizationId, o.Tier, o.Purchased, acting));
        if (order is not null)
        {
            var done = order.Tier is { } tier
                ? L.Count("BuySeats.DoneTier", order.Purchased, access.Organization!.Name, tier)
                : L.Count("BuySeats.Done", order.Purchased, access.Organization!.Name);
            Snackbar.Add(done, Severity.Success);
            await RefreshAsync();
        }
    }

    /// <summary>Sync now from the seat queue, off the circuit's thread as on Identity and access; refused as there when not allowed.</summary>
    private async Task AdmitWaitingAsync(OrganizationAccess access)
    {
        var acting = await ActingPersonAsync();
        try
        {
            var outcome = await Task.Run(() => SyncNow.SyncAsync(OrganizationId, acting));
            Snackbar.Add(outcome.Refusal is { } refusal ? L.Refusal(refusal) : $"{DirectorySyncLabels.SyncNowFinished(outcome.Changed)} {L["Member.AuditLogListsWho", access.Organization!.Name]}",
                outcome.Refusal is null ? Severity.Success : Severity.Error);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException or TimeoutException)
        {
            // As on Identity and access: said in words, details to the log, and the page stays usable.
            Logger.LogError(exception, "Sync now from the seat queue failed for organization {OrganizationId}", OrganizationId);
            Snackbar.Add(L["Member.SyncNowFailed"], Severity.Error);
        }

        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        await LoadSeatsAsync();
        if (_table is not null)
        {
            await _table.ReloadAsync();
        }
    }

    private async Task<Guid> ActingPersonAsync() => (await AuthenticationStateTask).User.GetPersonId() ?? Guid.Empty;
}
