namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The people one directory write can have changed: the directory users it touched and the persons they were
/// linked to. Reconciling only them keeps a SCIM request's cost independent of the organization's size; the seats
/// everyone else holds are counted in SQL, and the pending queue joins in whenever a seat could be free.
/// </summary>
public sealed class ReconcileScope
{
    private readonly HashSet<Guid> _directoryUserIds = [];
    private readonly HashSet<Guid> _personIds = [];
    private Dictionary<Guid, int>? _changesByDirectoryUser;

    public IReadOnlySet<Guid> DirectoryUserIds => _directoryUserIds;

    public IReadOnlySet<Guid> PersonIds => _personIds;

    /// <summary>Nothing that rules look at changed (a group renamed, say): there is nothing to reconcile.</summary>
    public bool IsEmpty => _directoryUserIds.Count == 0 && _personIds.Count == 0;

    public int Size => _directoryUserIds.Count + _personIds.Count;

    /// <summary>
    /// Asks the reconcile to count the membership changes per directory user, for a batch of SCIM requests whose log
    /// rows each say what their own user caused (instead of one total for the request running).
    /// </summary>
    public ReconcileScope CountingChangesPerDirectoryUser()
    {
        _changesByDirectoryUser = [];
        return this;
    }

    internal bool CountsPerDirectoryUser => _changesByDirectoryUser is not null;

    /// <summary>Membership changes the reconcile applied for this directory user, in every organization.</summary>
    public int ChangesOf(Guid directoryUserId) => _changesByDirectoryUser?.GetValueOrDefault(directoryUserId) ?? 0;

    internal void CountChange(Guid directoryUserId)
    {
        if (_changesByDirectoryUser is { } counts)
        {
            counts[directoryUserId] = counts.GetValueOrDefault(directoryUserId) + 1;
        }
    }

    public ReconcileScope AddDirectoryUsers(IEnumerable<Guid> directoryUserIds)
    {
        _directoryUserIds.UnionWith(directoryUserIds);
        return this;
    }

    public ReconcileScope AddPeople(IEnumerable<Guid> personIds)
    {
        _personIds.UnionWith(personIds);
        return this;
    }

    public ReconcileScope AddDirectoryUser(Guid directoryUserId, Guid? personId)
    {
        _directoryUserIds.Add(directoryUserId);
        if (personId is { } id)
        {
            _personIds.Add(id);
        }

        return this;
    }
}
