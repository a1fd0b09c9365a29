namespace IdentityAccess.Core.Members;

/// <summary>One page of an organization's member list, as the members table asks for it.</summary>
public sealed record MemberQuery(string? Search = null, int Skip = 0, int Take = 25, MemberSort Sort = MemberSort.Name, bool Descending = false)
{
    public const int MaxTake = 200;
}
