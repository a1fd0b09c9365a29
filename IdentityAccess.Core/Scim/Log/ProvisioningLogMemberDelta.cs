namespace IdentityAccess.Core.Scim.Log;

/// <summary>Group members added and removed by one request, as a net change: a user is in at most one of the two sets.</summary>
internal sealed class ProvisioningLogMemberDelta
{
    public bool Touched { get; private set; }

    public HashSet<Guid> Added { get; } = [];

    public HashSet<Guid> Removed { get; } = [];

    public void Add(IEnumerable<Guid> userIds)
    {
        Touched = true;
        foreach (var id in userIds)
        {
            if (!Removed.Remove(id))
            {
                Added.Add(id);
            }
        }
    }

    public void Remove(IEnumerable<Guid> userIds)
    {
        Touched = true;
        foreach (var id in userIds)
        {
            if (!Added.Remove(id))
            {
                Removed.Add(id);
            }
        }
    }

    public ProvisioningLogMemberDelta Plus(ProvisioningLogMemberDelta later)
    {
        var sum = new ProvisioningLogMemberDelta();
        if (Touched)
        {
            sum.Add(Added);
            sum.Remove(Removed);
        }

        if (later.Touched)
        {
            sum.Add(later.Added);
            sum.Remove(later.Removed);
        }

        return sum;
    }
}
