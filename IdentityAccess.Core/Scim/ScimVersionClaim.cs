using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// The first step of a SCIM write to an existing user or group: one UPDATE raising its version, limited to the versions
/// If-Match names (RFC 7644 §3.14), inside the write's transaction. Of two writes naming the same version only the
/// first matches, and the row lock it takes makes the other wait, so what the write reads next is not changed meanwhile.
/// </summary>
internal static class ScimVersionClaim
{
    /// <summary>Throws 412 when the resource exists at another version; a missing one is left to the write's own 404.</summary>
    public static async Task RaiseAsync<T>(IQueryable<T> resource, Expression<Func<T, long>> version, string? ifMatch, string noun,
        CancellationToken cancellationToken)
    {
        var expected = ifMatch is null ? null : ScimVersionTag.Versions(ifMatch);
        var matching = expected is null ? resource : resource.Where(Lambda<T, bool>(version,
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)], Expression.Constant(expected), version.Body)));
        var raised = await matching.ExecuteUpdateAsync(s => s.SetProperty(version, Lambda<T, long>(version, Expression.Add(version.Body, Expression.Constant(1L)))),
            cancellationToken);
        if (raised == 0 && await resource.Select(Lambda<T, long?>(version, Expression.Convert(version.Body, typeof(long?)))).SingleOrDefaultAsync(cancellationToken) is { } current)
        {
            throw ScimVersionTag.PreconditionFailed(noun, current);
        }
    }

    private static Expression<Func<T, TResult>> Lambda<T, TResult>(Expression<Func<T, long>> version, Expression body) =>
        Expression.Lambda<Func<T, TResult>>(body, version.Parameters);
}
