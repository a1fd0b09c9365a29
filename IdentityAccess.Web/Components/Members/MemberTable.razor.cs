using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IdentityAccess.Web.Components.Members;

public sealed partial class MemberTable
{
    /// <summary>What the table asks for first: the first 25 members by name.</summary>
    public static MemberQuery FirstQuery { get; } = new(null, 0, 25, MemberSort.Name, false);

    [Parameter, EditorRequired] public Guid OrganizationId { get; set; }

    /// <summary>Fetches one page on the server; the table never holds more than a page.</summary>
    [Parameter, EditorRequired] public Func<MemberQuery, CancellationToken, Task<MemberPage>> LoadPage { get; set; } = default!;

    /// <summary>The answer to <see cref="FirstQuery"/> when the page already read it: drawn at once, and not read again.</summary>
    [Parameter] public MemberPage? InitialPage { get; set; }

    /// <summary>Per-row actions; the column shows only when the page handles them.</summary>
    [Parameter] public EventCallback<MemberListItem> OnChangeRole { get; set; }
    [Parameter] public EventCallback<MemberListItem> OnRemove { get; set; }

    /// <summary>The pending invitation behind an invited row, when the page knows it: the row shows its expiry, resend and revoke.</summary>
    [Parameter] public Func<Guid, PendingInvitation?>? InvitationOf { get; set; }
    [Parameter] public EventCallback<PendingInvitation> OnResendInvitation { get; set; }
    [Parameter] public EventCallback<PendingInvitation> OnRevokeInvitation { get; set; }

    /// <summary>The organization's members have a seat tier (chat); a Console organization has none, so no column for it.</summary>
    [Parameter] public bool ShowsSeatTier { get; set; } = true;

    /// <summary>The clock invitation expiries are shown against.</summary>
    [Parameter] public DateTimeOffset Now { get; set; }

    private EagerServerTable<MemberListItem>? _table;
    private MemberPage? _first; // the answer to FirstQuery, until anything else is asked or a reload is
    private bool _firstStale;
    private string? _search;

    private bool HasActions => OnChangeRole.HasDelegate || OnRemove.HasDelegate;

    /// <summary>Fetches the current page again, after the page changed a member.</summary>
    public Task ReloadAsync()
    {
        _firstStale = true;
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private PendingInvitation? InvitationFor(MemberListItem member) =>
        member.Status == MembershipStatus.Invited ? InvitationOf?.Invoke(member.MembershipId) : null;

    // The table asks for its first page before its first render and again after it: the second is answered from the first.
    private async Task<TableData<MemberListItem>> ServerReload(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<MemberSort>(state.SortLabel, out var parsed) ? parsed : MemberSort.Name;
        var query = new MemberQuery(_search, state.Page * state.PageSize, state.PageSize, sort, state.SortDirection == SortDirection.Descending);
        MemberPage page;
        if (query == FirstQuery && !_firstStale)
        {
            page = _first ??= InitialPage ?? await LoadPage(query, cancellationToken);
        }
        else
        {
            _firstStale = true;
            page = await LoadPage(query, cancellationToken);
        }

        return new TableData<MemberListItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task OnSearchAsync(string? search)
    {
        _search = search;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }
}
