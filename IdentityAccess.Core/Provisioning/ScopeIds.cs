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
/// </summary>
internal static class ScopeIds
{
    public const int OneParameterFrom = 1000;

    public static bool AsOneParameter<T>(IReadOnlyCollection<T> ids) => ids.Count >= OneParameterFrom;

    /// <summary>The rows whose <paramref name="key"/> is one of <paramref name="ids"/>, bound as described above.</summary>
    public static IQueryable<T> WhereIn<T>(this IQueryable<T> rows, List<Guid> ids, Expression<Func<T, Guid>> key) =>
        rows.Where(AsOneParameter(ids) ? On(key, id => EF.Parameter(ids).Contains(id)) : On(key, id => ids.Contains(id)));

    /// <summary>
    /// As above for a nullable key: a row without one is never in the list. Written as the reads were (a list of
    /// nullable ids, or the key's value against the one parameter): EF Core's null compensation for a nullable key
    /// against an array (<c>OR … IS NULL AND array_position(…)</c>) would keep PostgreSQL off the index.
    /// </summary>
    public static IQueryable<T> WhereIn<T>(this IQueryable<T> rows, List<Guid> ids, Expression<Func<T, Guid?>> key)
    {
        if (AsOneParameter(ids))
        {
            return rows.Where(On(key, id => id != null && EF.Parameter(ids).Contains(id.Value)));
        }

        var few = ids.ConvertAll(id => (Guid?)id);
        return rows.Where(On(key, id => few.Contains(id)));
    }

    /// <summary>The rows whose <paramref name="key"/> is none of <paramref name="ids"/>, bound as described above.</summary>
    public static IQueryable<T> WhereNotIn<T>(this IQueryable<T> rows, List<Guid> ids, Expression<Func<T, Guid>> key) =>
        rows.Where(AsOneParameter(ids) ? On(key, id => !EF.Parameter(ids).Contains(id)) : On(key, id => !ids.Contains(id)));

    /// <summary>
    /// <paramref name="test"/> applied to a row's key: the test's id put in place of the key selector's body, so the
    /// list stays the closure EF Core turns into a parameter, exactly as when the filter was written out at each read.
    /// </summary>
    private static Expression<Func<T, bool>> On<T, TKey>(Expression<Func<T, TKey>> key, Expression<Func<TKey, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(new ReplaceParameter(test.Parameters[0], key.Body).Visit(test.Body), key.Parameters);

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
