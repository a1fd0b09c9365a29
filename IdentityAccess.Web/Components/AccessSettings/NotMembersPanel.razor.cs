using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using Microsoft.AspNetCore.Components;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>
/// "Known to your IdP, not members": the page hands it the first page of everyone; searching and paging ask the
/// server for another page (the directory may hold 100,000 people, so nothing is filtered here).
/// </summary>
public sealed partial class NotMembersPanel : IDisposable
{
    [Parameter, EditorRequired] public Guid OrganizationId { get; set; }

    /// <summary>The first page of everyone, evaluated for their reasons, and how many in all; null while it loads.</summary>
    [Parameter, EditorRequired] public AssignedButNotMembers? List { get; set; }

    /// <summary>Reads another page or search on the server; without it the panel shows <see cref="List"/> only.</summary>
    [Parameter] public Func<NotMembersQuery, CancellationToken, Task<AssignedButNotMembers?>>? Load { get; set; }

    /// <summary>Names the members page as the help article does (Claude: "Organization", Console: "Members").</summary>
    [Parameter] public Product Product { get; set; } = Product.Chat;

    private AssignedButNotMembers? _listSeen;
    private AssignedButNotMembers? _asked; // the page or search the person asked for; null shows List
    private string _search = "";
    private bool _searching;
    private CancellationTokenSource? _pending;

    private AssignedButNotMembers Shown => _asked ?? List!;

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(List, _listSeen))
        {
            return;
        }

        _listSeen = List;
        // The page read the list again (after Sync now, a save): what the person searched or paged to is read again too.
        if (_asked is { } asked && List is not null)
        {
            await GoToAsync(asked.Query);
        }
        else
        {
            _asked = null;
        }
    }

    private Task SearchAsync(string? search)
    {
        if (string.Equals(_search, search ?? "", StringComparison.Ordinal))
        {
            return Task.CompletedTask; // the debounce and leaving the box can report the same text twice: asked once
        }

        _search = search ?? "";
        return GoToAsync(new NotMembersQuery(_search));
    }

    private async Task GoToAsync(NotMembersQuery query)
    {
        _pending?.Cancel();
        if (Load is null || query == NotMembersQuery.FirstPage)
        {
            (_asked, _searching) = (null, false); // the page's own read is the first page of everyone
            return;
        }

        // A newer search wins: the answer to an older one that arrives late is dropped.
        var pending = _pending = new CancellationTokenSource();
        _searching = true;
        try
        {
            var page = await Load(query, pending.Token);
            if (!pending.IsCancellationRequested)
            {
                _asked = page;
            }
        }
        catch (OperationCanceledException) when (pending.IsCancellationRequested)
        {
        }
        finally
        {
            if (ReferenceEquals(_pending, pending))
            {
                _searching = false;
            }
        }
    }

    public void Dispose() => _pending?.Cancel();
}
