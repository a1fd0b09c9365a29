using System.Linq.Expressions;

namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>
/// The attributes of one resource type that filters and sortBy may name, each bound to a column, and the translation
/// of a filter tree into one LINQ predicate EF Core runs as SQL. An attribute not listed is refused (400 invalidFilter,
/// naming it) rather than evaluated in memory: a directory's users are never all loaded to be filtered.
/// </summary>
internal sealed class ScimQueryAttributes<T>(string resource, string coreSchema, Expression<Func<T, Guid>> id)
{
    private readonly Dictionary<string, ScimColumn<T>> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ScimFilterNode, Expression<Func<T, bool>>>> _valuePaths = new(StringComparer.OrdinalIgnoreCase);

    public ScimQueryAttributes<T> Add(string name, ScimColumn<T> column)
    {
        _columns[name] = column;
        return this;
    }

    /// <summary>A multi-valued attribute's <c>attr[filter]</c>, translated as a whole (e.g. an EXISTS on a membership table).</summary>
    public ScimQueryAttributes<T> AddValuePath(string attribute, Func<ScimFilterNode, Expression<Func<T, bool>>> translate)
    {
        _valuePaths[attribute] = translate;
        return this;
    }

    public Expression<Func<T, bool>> Translate(ScimFilterNode node) => node switch
    {
        ScimAndNode and => ScimExpressions.And(Translate(and.Left), Translate(and.Right)),
        ScimOrNode or => ScimExpressions.Or(Translate(or.Left), Translate(or.Right)),
        ScimNotNode not => ScimExpressions.Not(Translate(not.Inner)),
        ScimCompareNode compare => Column(compare.Path).Compare(compare.Path, compare.Operator, compare.Value),
        ScimPresentNode present => Column(present.Path).Present(),
        ScimValuePathNode valuePath when valuePath.Path.IsIn(coreSchema) && _valuePaths.TryGetValue(valuePath.Path.Attribute, out var translate) =>
            translate(valuePath.Filter),
        ScimValuePathNode valuePath => throw ScimException.InvalidFilter($"Filtering {resource} on '{valuePath.Path}[…]' is not supported."),
        _ => throw new InvalidOperationException($"Unknown filter node {node.GetType().Name}."),
    };

    /// <summary>
    /// RFC 7644 §3.4.2.3: sortBy names an attribute (ascending unless sortOrder=descending); unassigned values come last
    /// in ascending order; equal values are ordered by id, so paging through them sees each resource once.
    /// </summary>
    public IQueryable<T> Sort(IQueryable<T> source, string sortBy, bool descending)
    {
        var path = ScimAttributePath.TryParse(sortBy.Trim());
        var column = path is not null && path.IsIn(coreSchema) ? _columns.GetValueOrDefault(path.Key) : null;
        var key = column?.SortKey;
        if (key is null)
        {
            throw ScimException.InvalidValue($"sortBy '{sortBy}' is not an attribute {resource} can be sorted on. Use one of: " +
                string.Join(", ", _columns.Where(c => c.Value.SortKey is not null).Select(c => c.Key)) + ".");
        }

        var ordered = source;
        if (column!.SortKeyMayBeNull)
        {
            // SQLite puts NULL first and PostgreSQL last; say which explicitly so both providers page alike.
            var isNull = Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Body, Expression.Constant(null, key.ReturnType)), key.Parameters);
            ordered = Call(ordered, descending ? "OrderByDescending" : "OrderBy", isNull);
            ordered = Call(ordered, descending ? "ThenByDescending" : "ThenBy", key);
        }
        else
        {
            ordered = Call(ordered, descending ? "OrderByDescending" : "OrderBy", key);
        }

        return Call(ordered, "ThenBy", id);
    }

    private ScimColumn<T> Column(ScimAttributePath path) =>
        path.IsIn(coreSchema) && _columns.TryGetValue(path.Key, out var column)
            ? column
            : throw ScimException.InvalidFilter($"Filtering {resource} on '{path}' is not supported. Filterable attributes: {string.Join(", ", _columns.Keys)}.");

    private static IQueryable<T> Call(IQueryable<T> source, string method, LambdaExpression key) =>
        source.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key)));
}
