using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IdentityAccess.Web.Components.Members;

public sealed partial class MemberTable
{
    /// <summary>What the table asks for first: the first 25 members by name.</summary>
    public static MemberQuery FirstQuery { get; } = new(null, 0, 25, MemberSort.Name, false);

    private static readonly int[] _pageSizes = [10, 25, 50, 100];

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

    /// <summary>The clock invitation expiries are shown against.</summary>
    [Parameter] public DateTimeOffset Now { get; set; }

    private MudTable<MemberListItem>? _table;
    private MemberPage? _firstPage; // shown until the interactive table holds its first load
    private bool _served; // the interactive table has had a load: a first page arriving later is not needed
    private string? _search;

    private bool HasActions => OnChangeRole.HasDelegate || OnRemove.HasDelegate;

    // The page may read its first page after this table was created (its reads and the access check run side by side).
    protected override void OnParametersSet()
    {
        if (!_served)
        {
            _firstPage ??= InitialPage;
        }
    }

    /// <summary>Fetches the current page again, after the page changed a member.</summary>
    public Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private PendingInvitation? InvitationFor(MemberListItem member) =>
        member.Status == MembershipStatus.Invited ? InvitationOf?.Invoke(member.MembershipId) : null;

    // The static table's pager counts the page it holds; this one says what the whole table will.
    private static string FirstPageInfo(MemberPage page) =>
        page.Items.Count == 0 ? "0-0 of 0" : $"1-{page.Items.Count} of {page.TotalCount}";

    private async Task<TableData<MemberListItem>> ServerReload(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<MemberSort>(state.SortLabel, out var parsed) ? parsed : MemberSort.Name;
        var query = new MemberQuery(_search, state.Page * state.PageSize, state.PageSize, sort, state.SortDirection == SortDirection.Descending);
        MemberPage page;
        if (!_served && InitialPage is { } initial && query == FirstQuery)
        {
            (page, _served) = (initial, true);
        }
        else
        {
            _served = true;
            page = await LoadPage(query, cancellationToken);
        }

        if (_firstPage is not null)
        {
            _ = RevealAsync();
        }

        return new TableData<MemberListItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    // After the interactive table has taken its first load (the yield lets it store the page): it replaces the static one.
    private async Task RevealAsync()
    {
        await Task.Yield();
        _firstPage = null;
        StateHasChanged();
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
