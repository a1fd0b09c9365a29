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
}
