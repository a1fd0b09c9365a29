using System.Linq.Expressions;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Scim.Filtering;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Groups' filters and sortBy in SQL: displayName on its indexed normalized column (caseExact=false), externalId and
/// id exactly, meta.*, and members as an EXISTS on the membership table (<c>members[value eq "id"]</c>, <c>members pr</c>).
/// </summary>
internal static class ScimGroupQuery
{
    private static readonly ScimQueryAttributes<DirectoryGroupMember> _memberAttributes =
        new ScimQueryAttributes<DirectoryGroupMember>("Group members", ScimSchemas.Group, m => m.UserId)
            .Add("value", new ScimIdColumn<DirectoryGroupMember>(m => m.UserId));

    /// <summary>A filter on a group's members (<c>value eq "id"</c>), for PATCH <c>members[…]</c>; other sub-attributes are an invalidPath.</summary>
    public static Expression<Func<DirectoryGroupMember, bool>> MemberFilter(ScimFilterNode filter)
    {
        try
        {
            return _memberAttributes.Translate(filter);
        }
        catch (ScimException ex) when (ex.ScimType == "invalidFilter")
        {
            throw ScimException.InvalidPath($"members[…] filters on value (the member's id): {ex.Message}");
        }
    }

    public static IQueryable<DirectoryGroup> Filter(IQueryable<DirectoryGroup> groups, IQueryable<DirectoryGroupMember> members, ScimFilter? filter) =>
        filter is null ? groups : groups.Where(Attributes(members).Translate(filter.Root));

    public static IQueryable<DirectoryGroup> Sort(IQueryable<DirectoryGroup> groups, IQueryable<DirectoryGroupMember> members, string? sortBy, bool descending) =>
        string.IsNullOrWhiteSpace(sortBy) ? groups.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id) : Attributes(members).Sort(groups, sortBy, descending);

    private static ScimQueryAttributes<DirectoryGroup> Attributes(IQueryable<DirectoryGroupMember> members)
    {
        Expression<Func<DirectoryGroup, bool>> Members(ScimFilterNode filter) => AnyMember(members, _memberAttributes.Translate(filter));
        return new ScimQueryAttributes<DirectoryGroup>("Groups", ScimSchemas.Group, g => g.Id)
            .Add("id", new ScimIdColumn<DirectoryGroup>(g => g.Id))
            .Add("displayName", new ScimStringColumn<DirectoryGroup>(g => g.NormalizedDisplayName, caseExact: false, required: true))
            .Add("externalId", new ScimStringColumn<DirectoryGroup>(g => g.ExternalId, caseExact: true, required: true))
            .Add("meta.created", new ScimDateColumn<DirectoryGroup>(g => g.CreatedAt))
            .Add("meta.lastModified", new ScimDateColumn<DirectoryGroup>(g => g.UpdatedAt))
            .Add("members", new ScimValuePathColumn<DirectoryGroup>(Members, "value"))
            .Add("members.value", new ScimValuePathColumn<DirectoryGroup>(Members, "value"))
            .AddValuePath("members", Members);
    }

    // g => members.Any(m => m.GroupId == g.Id && <filter on m>)
    private static Expression<Func<DirectoryGroup, bool>> AnyMember(IQueryable<DirectoryGroupMember> members, Expression<Func<DirectoryGroupMember, bool>> filter)
    {
        var group = Expression.Parameter(typeof(DirectoryGroup), "g");
        var member = filter.Parameters[0];
        var sameGroup = Expression.Equal(Expression.Property(member, nameof(DirectoryGroupMember.GroupId)), Expression.Property(group, nameof(DirectoryGroup.Id)));
        var predicate = Expression.Lambda<Func<DirectoryGroupMember, bool>>(Expression.AndAlso(sameGroup, filter.Body), member);
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(DirectoryGroupMember)], members.Expression, Expression.Quote(predicate));
        return Expression.Lambda<Func<DirectoryGroup, bool>>(any, group);
    }
}
