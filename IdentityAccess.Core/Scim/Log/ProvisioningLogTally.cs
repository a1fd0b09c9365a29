namespace IdentityAccess.Core.Scim.Log;

/// <summary>What a <see cref="ProvisioningLogScope"/> has gathered, committed or pending, and the phrases it reads as.</summary>
internal sealed class ProvisioningLogTally
{
    private const int MaxNotes = 8;

    public List<LogPhrase> Notes { get; init; } = [];

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

    /// <summary>The first note with the member changes after it, the other notes, then what was skipped and changed.</summary>
    public IReadOnlyList<LogPhrase> Describe()
    {
        var parts = new List<LogPhrase>();
        var notes = Notes.Distinct().Take(MaxNotes).ToList();
        var members = Members.Touched ? DescribeMembers() : null;
        if (notes.Count > 0)
        {
            parts.Add(members is null ? notes[0] : notes[0] with { Then = [members] });
            parts.AddRange(notes.Skip(1));
        }
        else if (members is not null)
        {
            parts.Add(members);
        }

        if (NestedGroupsSkipped > 0)
        {
            parts.Add(LogPhrase.Of(LogPhraseCode.NestedGroupsSkipped, LogPhrase.Count(NestedGroupsSkipped)));
        }

        if (MembershipChanges > 0)
        {
            parts.Add(LogPhrase.Of(LogPhraseCode.MembershipChanges, LogPhrase.Count(MembershipChanges)));
        }

        return parts;
    }

    private LogPhrase DescribeMembers() => (Members.Added.Count, Members.Removed.Count) switch
    {
        (0, 0) => LogPhrase.Of(LogPhraseCode.NoMemberChanges),
        (var added, 0) => LogPhrase.Of(LogPhraseCode.MembersAdded, LogPhrase.Count(added)),
        (0, var removed) => LogPhrase.Of(LogPhraseCode.MembersRemoved, LogPhrase.Count(removed)),
        var (added, removed) => LogPhrase.Of(LogPhraseCode.MembersAddedRemoved, LogPhrase.Count(added), LogPhrase.Count(removed)),
    };
}
