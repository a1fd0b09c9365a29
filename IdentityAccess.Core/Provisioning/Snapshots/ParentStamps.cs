using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Provisioning.Snapshots;

/// <summary>
/// What a <see cref="ParentSnapshot"/> is checked against, read in one statement: the parent's plan and removal grace
/// (its own columns), its stamp (domains, groups, sign-in groups) and each organization's (settings, mappings, seat
/// pools), in id order, so an organization joining or leaving shows too.
/// </summary>
internal sealed record ParentStamps(ParentPlan Plan, int RemovalGraceDays, long Stamp, IReadOnlyList<(Guid Id, long Stamp)> Organizations)
{
    public bool Matches(ParentStamps other) =>
        Plan == other.Plan && RemovalGraceDays == other.RemovalGraceDays && Stamp == other.Stamp && Organizations.SequenceEqual(other.Organizations);
}
