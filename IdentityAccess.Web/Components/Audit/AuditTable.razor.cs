using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IdentityAccess.Web.Components.Audit;

public sealed partial class AuditTable
{
    [Parameter, EditorRequired] public Func<AuditQuery, CancellationToken, Task<AuditPage>> LoadPage { get; set; } = default!;

    /// <summary>The export address for a filter and a format (csv or json).</summary>
    [Parameter, EditorRequired] public Func<AuditQuery, string, string> ExportUrl { get; set; } = default!;

    /// <summary>The first page as the prerender read it, so the circuit does not read it again.</summary>
    [PersistentState] public PrerenderedData<AuditPage>? Prerendered { get; set; }

    private EagerServerTable<AuditEvent>? _table;
    private PrerenderedData<AuditPage>? _first; // MudTable asks for its first page before and after its first render: read once
    private int _asks;
    private readonly HashSet<Guid> _raw = []; // the entries whose stored record is shown
    private string? _search;
    private string? _action;
    private string? _actor;
    private string? _person;
    private AuditScope _scope = AuditScope.All;
    private LogPeriod _period = LogPeriod.All;

    private AuditQuery Filter => new(_search) { Action = _action, Actor = _actor, Person = _person, Scope = _scope, Period = _period };

    private static bool HasRecord(AuditEvent entry) => entry.Before is not null || entry.After is not null;

    private async Task<TableData<AuditEvent>> ServerReload(TableState state, CancellationToken cancellationToken)
    {
        var query = Filter with { Skip = state.Page * state.PageSize, Take = state.PageSize };
        var key = PrerenderedData.For(query);
        var ask = ++_asks;
        AuditPage page;
        if (ask == 2 && _first?.For == key)
        {
            page = _first.Data;
        }
        else if (ask > 1 || !Prerendered.TryRestore(key, RendererInfo, out page!))
        {
            page = await LoadPage(query, cancellationToken);
        }

        if (ask == 1)
        {
            _first = new(key, page);
            Prerendered = PrerenderedData.Keep(key, page, RendererInfo);
        }

        return new TableData<AuditEvent> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private void ToggleRaw(Guid id)
    {
        if (!_raw.Remove(id))
        {
            _raw.Add(id);
        }
    }

    private Task OnSearchAsync(string? search) => ReloadAsync(() => _search = search);

    private Task OnActionAsync(string? action) => ReloadAsync(() => _action = action);

    private Task OnActorAsync(string? actor) => ReloadAsync(() => _actor = actor);

    private Task OnPersonAsync(string? person) => ReloadAsync(() => _person = person);

    private Task OnScopeAsync(AuditScope scope) => ReloadAsync(() => _scope = scope);

    private Task OnPeriodAsync(LogPeriod period) => ReloadAsync(() => _period = period);

    private async Task ReloadAsync(Action change)
    {
        change();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }
}
