using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// The audit entries' action names and before/after JSON for one set-based apply, each distinct value built once:
/// the people of a mass change share the same change, values and reasons, and serializing them per person was
/// a sixth of Sync now at 200,000 people (docs/performance.md). Keys compare by value, so every entry holds exactly
/// the text a per-person serialization gives. Bounded: past <see cref="MaxDistinct"/> values of a kind (reasons that
/// name each person), the rest are built per person as before.
/// </summary>
internal sealed class AuditEntryJson
{
    private const int MaxDistinct = 10_000;
    private readonly Dictionary<IReadOnlyList<ChangeKind>, string> _actions = new(Sequence<ChangeKind>.Comparer);
    private readonly Dictionary<MembershipValues, string> _before = [];
    private readonly Dictionary<(DesiredMembership Desired, IReadOnlyList<OutcomeReason> Reasons), string> _after = new(AfterComparer.Instance);

    public string Action(IReadOnlyList<ChangeKind> changes, Func<IReadOnlyList<ChangeKind>, string> build) => Once(_actions, changes, build);

    public string? Before(MembershipValues? before) => before is null ? null : Once(_before, before, AuditLog.Json);

    public string After(DesiredMembership desired, IReadOnlyList<OutcomeReason> reasons, Func<(DesiredMembership, IReadOnlyList<OutcomeReason>), string> build) =>
        Once(_after, (desired, reasons), build);

    private static string Once<TKey>(Dictionary<TKey, string> built, TKey key, Func<TKey, string> build)
        where TKey : notnull
    {
        if (built.TryGetValue(key, out var text))
        {
            return text;
        }

        text = build(key);
        if (built.Count < MaxDistinct)
        {
            built[key] = text;
        }

        return text;
    }

    private sealed class Sequence<T> : IEqualityComparer<IReadOnlyList<T>>
    {
        public static readonly Sequence<T> Comparer = new();

        public bool Equals(IReadOnlyList<T>? x, IReadOnlyList<T>? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y));

        public int GetHashCode(IReadOnlyList<T> list)
        {
            var hash = new HashCode();
            foreach (var item in list)
            {
                hash.Add(item);
            }

            return hash.ToHashCode();
        }
    }

    // The after value is the desired role, tier and status with the reasons' text; equal reasons (same code and
    // values) read the same.
    private sealed class AfterComparer : IEqualityComparer<(DesiredMembership Desired, IReadOnlyList<OutcomeReason> Reasons)>
    {
        public static readonly AfterComparer Instance = new();

        public bool Equals((DesiredMembership Desired, IReadOnlyList<OutcomeReason> Reasons) x, (DesiredMembership Desired, IReadOnlyList<OutcomeReason> Reasons) y) =>
            x.Desired.Role == y.Desired.Role && x.Desired.Tier == y.Desired.Tier && x.Desired.Status == y.Desired.Status
            && Sequence<OutcomeReason>.Comparer.Equals(x.Reasons, y.Reasons);

        public int GetHashCode((DesiredMembership Desired, IReadOnlyList<OutcomeReason> Reasons) key) =>
            HashCode.Combine(key.Desired.Role, key.Desired.Tier, key.Desired.Status, Sequence<OutcomeReason>.Comparer.GetHashCode(key.Reasons));
    }
}
