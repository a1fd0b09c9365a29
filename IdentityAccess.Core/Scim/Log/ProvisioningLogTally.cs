using System.Globalization;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>What a <see cref="ProvisioningLogScope"/> has gathered, committed or pending, and how it reads as a summary.</summary>
internal sealed class ProvisioningLogTally
{
    private const int MaxNotes = 8;

    public List<string> Notes { get; init; } = [];

    public ProvisioningLogMemberDelta Members { get; init; } = new();

    public int NestedGroupsSkipped { get; set; }

    public int MembershipChanges { get; set; }

    public ProvisioningLogTally Plus(ProvisioningLogTally other) => new()
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
