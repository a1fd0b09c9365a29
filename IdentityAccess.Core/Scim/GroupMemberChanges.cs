namespace IdentityAccess.Core.Scim;

/// <summary>
/// Whose membership of one group a write changed, from the rows its statements inserted and deleted: each row
/// inserted counts +1, each deleted −1. A row can only be inserted when absent and deleted when present, so a user's
/// sum is nonzero exactly when they joined or left, and a member removed and added back in one request (a PUT of
/// the same members) nets to no change. Reading the group's members before and after the write gave the same set
/// at the cost of two reads that grow with the group.
/// </summary>
internal sealed class GroupMemberChanges
{
    private readonly Dictionary<Guid, int> _net = [];

    public IEnumerable<Guid> JoinedOrLeft => _net.Where(user => user.Value != 0).Select(user => user.Key);

    public void Added(IEnumerable<Guid> userIds) => Count(userIds, +1);

    public void Removed(IEnumerable<Guid> userIds) => Count(userIds, -1);

    private void Count(IEnumerable<Guid> userIds, int delta)
    {
        foreach (var userId in userIds)
        {
            _net[userId] = _net.GetValueOrDefault(userId) + delta;
        }
    }
}
