using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// How a scoped reconcile's id lists are bound. A few ids (a SCIM create, a sign-in: the hot path) are bound as EF Core
/// binds a list, one parameter each, which the planners have been measured with. From <see cref="OneParameterFrom"/>
/// on, the list travels as one parameter (<c>EF.Parameter</c>: a JSON text read through SQLite's json_each, an array
/// compared with PostgreSQL's <c>= ANY</c>), as <c>SetBasedPlanApply</c> and <c>ScimGroupMembers</c> bind theirs:
/// 10,000 bound parameters cost more than the rows they find (SQLite looks each name up linearly) and reach the
/// providers' parameter limits, which is why a scope over 2,000 people used to fall back to the whole organization.
/// On PostgreSQL, a long list a read keeps rows of is joined instead (<c>unnest</c>): see <see cref="JoinOn{T, TKey}"/>.
/// </summary>
internal static class ScopeIds
{
    public const int OneParameterFrom = 1000;

    public static bool AsOneParameter<T>(IReadOnlyCollection<T> ids) => ids.Count >= OneParameterFrom;

    /// <summary>
    /// The rows whose <paramref name="key"/> is one of <paramref name="ids"/>, bound as described above, <c>= ANY</c> on
    /// PostgreSQL: for a query that goes on through a navigation (EF Core 10 fails to process a navigation's join after
    /// an <c>unnest</c> join: "rewriting a node of type 'TableExpressionBase' must return a non-null value").
    /// </summary>
    public static IQueryable<T> WhereIn<T>(this IQueryable<T> rows, List<Guid> ids, Expression<Func<T, Guid>> key) =>
        rows.Where(AsOneParameter(ids) ? On(key, id => EF.Parameter(ids).Contains(id)) : On(key, id => ids.Contains(id)));

    /// <summary>
    /// The rows whose <paramref name="key"/> is one of <paramref name="ids"/>, bound as described above; on PostgreSQL a
    /// long list is joined as <c>unnest(@ids)</c> rather than compared with <c>= ANY</c> (see <see cref="JoinOn{T, TKey}"/>).
    /// </summary>
    public static IQueryable<T> WhereIn<T>(this IQueryable<T> rows, DbContext db, List<Guid> ids, Expression<Func<T, Guid>> key)
    {
        if (!AsOneParameter(ids))
        {
            return rows.Where(On(key, id => ids.Contains(id)));
        }

        if (!db.Database.IsNpgsql())
        {
            return rows.Where(On(key, id => EF.Parameter(ids).Contains(id)));
        }

        var distinct = ids.Distinct().ToList(); // a join returns a row once per id it matches
        return JoinOn(rows, key, k => EF.Parameter(distinct).Where(id => id == k));
    }

    /// <summary>
    /// As above for a nullable key: a row without one is never in the list. Written as the reads were (a list of
    /// nullable ids, or the key's value against the one parameter): EF Core's null compensation for a nullable key
    /// against an array (<c>OR … IS NULL AND array_position(…)</c>) would keep PostgreSQL off the index.
    /// </summary>
    public static IQueryable<T> WhereIn<T>(this IQueryable<T> rows, DbContext db, List<Guid> ids, Expression<Func<T, Guid?>> key)
    {
        if (!AsOneParameter(ids))
        {
            var few = ids.ConvertAll(id => (Guid?)id);
            return rows.Where(On(key, id => few.Contains(id)));
        }

        if (!db.Database.IsNpgsql())
        {
            return rows.Where(On(key, id => id != null && EF.Parameter(ids).Contains(id.Value)));
        }

        var distinct = ids.Distinct().ToList();
        return JoinOn(rows, key, k => EF.Parameter(distinct).Where(id => (Guid?)id == k));
    }

    /// <summary>
    /// PostgreSQL: <c>JOIN unnest(@ids) ON key = value</c>. Npgsql prepares a statement used twice and PostgreSQL soon
    /// plans it once for any array (a generic plan); its filter <c>key = ANY($1)</c> then searches the array linearly for
    /// every row it scans (only a constant array is hashed). Reading the 10,001 group memberships of a PATCH of 10,000
    /// that way took 270–630 ms in the bench (a sequential scan, the table's statistics older than the rows just
    /// written); as a join, 30–36 ms (a hash join or an index lookup per id, whatever the statistics say).
    /// </summary>
    private static IQueryable<T> JoinOn<T, TKey>(IQueryable<T> rows, Expression<Func<T, TKey>> key, Expression<Func<TKey, IEnumerable<Guid>>> matches) =>
        rows.SelectMany(On(key, matches), (row, _) => row);

    /// <summary>
    /// The rows whose <paramref name="key"/> is none of <paramref name="ids"/>, bound as described above. Kept as
    /// <c>= ANY</c> on PostgreSQL: its reads (the top role's holders, the seat queue) scan few rows, each compared with
    /// the array until a match, not the scope's thousands.
    /// </summary>
    public static IQueryable<T> WhereNotIn<T>(this IQueryable<T> rows, List<Guid> ids, Expression<Func<T, Guid>> key) =>
        rows.Where(AsOneParameter(ids) ? On(key, id => !EF.Parameter(ids).Contains(id)) : On(key, id => !ids.Contains(id)));

    /// <summary>
    /// <paramref name="test"/> applied to a row's key: the test's id put in place of the key selector's body, so the
    /// list stays the closure EF Core turns into a parameter, exactly as when the filter was written out at each read.
    /// </summary>
    private static Expression<Func<T, TResult>> On<T, TKey, TResult>(Expression<Func<T, TKey>> key, Expression<Func<TKey, TResult>> test) =>
        Expression.Lambda<Func<T, TResult>>(new ReplaceParameter(test.Parameters[0], key.Body).Visit(test.Body), key.Parameters);

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
