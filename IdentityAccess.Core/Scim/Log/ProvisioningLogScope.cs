using System.Globalization;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// What one SCIM request changed, gathered while it runs, for its provisioning log row. The endpoint begins a scope
/// per request; services, the member writes and the reconciler report to <see cref="Current"/>, which is null
/// outside a SCIM request (Sync now, the settings page), so every call is written
/// <c>ProvisioningLogScope.Current?.AddMembershipChanges(n)</c>.
/// </summary>
/// <remarks>
/// Reports made inside a database transaction only count once it commits: a write that is retried (the group
/// service retries on a concurrent insert) or rolled back reports nothing twice and nothing it did not do. The
/// transaction interceptor in this folder drives that; reports made outside a transaction count at once.
/// </remarks>
public sealed class ProvisioningLogScope : IDisposable
{
    private const int MaxNotes = 8;
    private static readonly AsyncLocal<ProvisioningLogScope?> _current = new();

    private readonly ProvisioningLogScope? _previous;
    private readonly Lock _lock = new();
    private Tally _committed = new();
    private Tally _pending = new();
    private bool _inTransaction;

    private ProvisioningLogScope(ProvisioningLogScope? previous) => _previous = previous;

    /// <summary>The scope of the SCIM request running on this async flow, or null.</summary>
    public static ProvisioningLogScope? Current => _current.Value;

    /// <summary>Starts gathering for this async flow and what it calls; dispose to end it.</summary>
    public static ProvisioningLogScope Begin()
    {
        var scope = new ProvisioningLogScope(_current.Value);
        _current.Value = scope;
        return scope;
    }

    /// <summary>A short phrase about what the request did, e.g. "Created user alice@contoso.com".</summary>
    public void Note(string text) => Record(t => t.Notes.Add(text));

    /// <summary>Organization memberships the request changed through the rule engine (provisioned, removed, role or tier changed).</summary>
    public void AddMembershipChanges(int count) => Record(t => t.MembershipChanges += Math.Max(0, count));

    /// <summary>
    /// Directory users added to a group's direct members. Counted net of removals in the same request, so a
    /// "replace members" that re-sends the same list reads "no member changes"; an empty list still says a member
    /// operation ran.
    /// </summary>
    public void AddGroupMembers(IEnumerable<Guid> userIds) => Record(t => t.Members.Add(userIds));

    /// <summary>Directory users removed from a group's direct members, net of additions in the same request.</summary>
    public void RemoveGroupMembers(IEnumerable<Guid> userIds) => Record(t => t.Members.Remove(userIds));

    /// <summary>Groups sent as members of a group: skipped, because only direct members count.</summary>
    public void AddNestedGroupsSkipped(int count) => Record(t => t.NestedGroupsSkipped += Math.Max(0, count));

    /// <summary>
    /// E.g. "Updated group 'Engineering': +3 −1 members; 2 membership changes", or null when nothing was reported.
    /// Only what was committed (or reported outside a transaction) counts.
    /// </summary>
    public string? Summary
    {
        get
        {
            lock (_lock)
            {
                return _committed.Describe();
            }
        }
    }

    public void Dispose() => _current.Value = _previous;

    internal void TransactionStarted() => Transition(inTransaction: true, keepPending: false);

    internal void TransactionCommitted() => Transition(inTransaction: false, keepPending: true);

    internal void TransactionRolledBack() => Transition(inTransaction: false, keepPending: false);

    private void Transition(bool inTransaction, bool keepPending)
    {
        lock (_lock)
        {
            if (keepPending)
            {
                _committed = _committed.Plus(_pending);
            }

            _pending = new Tally();
            _inTransaction = inTransaction;
        }
    }

    private void Record(Action<Tally> change)
    {
        lock (_lock)
        {
            change(_inTransaction ? _pending : _committed);
        }
    }

    private sealed class Tally
    {
        public List<string> Notes { get; init; } = [];

        public MemberDelta Members { get; init; } = new();

        public int NestedGroupsSkipped { get; set; }

        public int MembershipChanges { get; set; }

        public Tally Plus(Tally other) => new()
        {
            Notes = [.. Notes, .. other.Notes],
            Members = Members.Plus(other.Members),
            NestedGroupsSkipped = NestedGroupsSkipped + other.NestedGroupsSkipped,
            MembershipChanges = MembershipChanges + other.MembershipChanges,
        };

        public string? Describe()
        {
            var parts = new List<string>();
            var notes = Notes.Distinct(StringComparer.Ordinal).Take(MaxNotes).ToList();
            var members = Members.Touched ? DescribeMembers() : null;
            if (notes.Count > 0)
            {
                parts.Add(members is null ? notes[0] : $"{notes[0]}: {members}");
                parts.AddRange(notes.Skip(1));
            }
            else if (members is not null)
            {
                parts.Add(members);
            }

            if (NestedGroupsSkipped > 0)
            {
                parts.Add(Count(NestedGroupsSkipped, "nested group") + " skipped (only direct members count)");
            }

            if (MembershipChanges > 0)
            {
                parts.Add(Count(MembershipChanges, "membership change"));
            }

            return parts.Count == 0 ? null : string.Join("; ", parts);
        }

        private string DescribeMembers() => (Members.Added.Count, Members.Removed.Count) switch
        {
            (0, 0) => "no member changes",
            (var added, 0) => $"+{N(added)} {(added == 1 ? "member" : "members")}",
            (0, var removed) => $"\u2212{N(removed)} {(removed == 1 ? "member" : "members")}",
            var (added, removed) => $"+{N(added)} \u2212{N(removed)} members",
        };

        private static string Count(int count, string noun) => $"{N(count)} {noun}{(count == 1 ? "" : "s")}";

        private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }

    // A net change: a user is in at most one of the two sets.
    private sealed class MemberDelta
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

        public MemberDelta Plus(MemberDelta later)
        {
            var sum = new MemberDelta();
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
}
