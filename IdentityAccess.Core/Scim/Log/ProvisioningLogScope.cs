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
    private static readonly AsyncLocal<ProvisioningLogScope?> _current = new();

    private readonly ProvisioningLogScope? _previous;
    private readonly Lock _lock = new();
    private ProvisioningLogTally _committed = new();
    private ProvisioningLogTally _pending = new();
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

    /// <summary>A short phrase about what the request did, e.g. "Created user alice@contoso.com" (<see cref="ProvisioningLogNotes"/>).</summary>
    public void Note(LogPhrase phrase) => Record(t => t.Notes.Add(phrase));

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
    /// What the request did as phrases, empty when nothing was reported. Only what was committed (or reported outside a
    /// transaction) counts.
    /// </summary>
    public IReadOnlyList<LogPhrase> Phrases
    {
        get
        {
            lock (_lock)
            {
                return _committed.Describe();
            }
        }
    }

    /// <summary>The phrases in English, e.g. "Updated group 'Engineering': +3 −1 members; 2 membership changes", or null.</summary>
    public string? Summary => ProvisioningLogEnglish.Summary(Phrases);

    public void Dispose() => _current.Value = _previous;

    /// <summary>
    /// Adds what another scope gathered and kept (its committed part) to this one: a batch writer gathers each request's
    /// part on its own flow and hands it over once the batch has committed.
    /// </summary>
    public void Absorb(ProvisioningLogScope other)
    {
        ProvisioningLogTally gathered;
        lock (other._lock)
        {
            gathered = other._committed;
        }

        lock (_lock)
        {
            _committed = _committed.Plus(gathered);
        }
    }

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

            _pending = new ProvisioningLogTally();
            _inTransaction = inTransaction;
        }
    }

    private void Record(Action<ProvisioningLogTally> change)
    {
        lock (_lock)
        {
            change(_inTransaction ? _pending : _committed);
        }
    }
}
