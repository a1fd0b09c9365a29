namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// One object for each distinct change list, reason list and desired membership of an evaluation, shared by every
/// outcome that has it. A directory of a million people has a few dozen of each (everyone "suspended, deactivated in
/// the IdP"), and one list, reason and membership a person were a fifth of the plan's heap (docs/performance.md).
/// The parts are immutable, so sharing changes no outcome; a part seen more than <see cref="MaxDistinct"/> ways (a
/// reason naming each person) is kept as it is beyond that, so the lookup never grows with the directory.
/// </summary>
internal sealed partial class SharedOutcomeParts
{
    private const int MaxDistinct = 10_000;

    private readonly Dictionary<int, ChangeKind[]> _changes = [];
    private readonly Dictionary<IReadOnlyList<OutcomeReason>, OutcomeReason[]> _reasons = new(ReasonListComparer.Instance);

    public IReadOnlyList<ChangeKind> Changes(IReadOnlyList<ChangeKind> changes)
    {
        if (changes.Count > 6)
        {
            return changes; // longer than the key holds; never produced by the rules (one status, role and tier change at most)
        }

        Span<ChangeKind> kinds = stackalloc ChangeKind[changes.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = changes[i];
        }

        return Changes(kinds);
    }

    /// <summary>The shared list of these kinds, in this order: nothing is allocated for a list seen before.</summary>
    public IReadOnlyList<ChangeKind> Changes(ReadOnlySpan<ChangeKind> changes)
    {
        if (changes.Length == 0)
        {
            return [];
        }

        // The kinds in order, 4 bits each, under the count: one key a distinct list.
        var key = changes.Length;
        foreach (var change in changes)
        {
            key = (key << 4) | (int)change;
        }

        if (!_changes.TryGetValue(key, out var shared))
        {
            shared = changes.ToArray();
            _changes[key] = shared;
        }

        return shared;
    }

    public IReadOnlyList<OutcomeReason> Reasons(IReadOnlyList<OutcomeReason> reasons)
    {
        if (reasons.Count == 0)
        {
            return [];
        }

        // A list this evaluation already shares (built by Alone or Append) is returned without hashing its content.
        if (IsShared(reasons))
        {
            return reasons;
        }

        if (_reasons.TryGetValue(reasons, out var shared))
        {
            return shared;
        }

        shared = [.. reasons];
        Keep(shared);
        return shared;
    }

    private void Keep(OutcomeReason[] shared)
    {
        if (_reasons.Count < MaxDistinct)
        {
            _reasons[shared] = shared;
            _sharedLists.Add(shared);
        }
    }

    private sealed class ReasonListComparer : IEqualityComparer<IReadOnlyList<OutcomeReason>>
    {
        public static readonly ReasonListComparer Instance = new();

        public bool Equals(IReadOnlyList<OutcomeReason>? x, IReadOnlyList<OutcomeReason>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y));

        public int GetHashCode(IReadOnlyList<OutcomeReason> reasons)
        {
            var hash = new HashCode();
            foreach (var reason in reasons)
            {
                hash.Add(reason.ContentHash());
            }

            return hash.ToHashCode();
        }
    }
}
