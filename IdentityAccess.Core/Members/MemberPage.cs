namespace IdentityAccess.Core.Members;

/// <summary>A page of members and how many match in all, for server-side paging.</summary>
public sealed record MemberPage(IReadOnlyList<MemberListItem> Items, int TotalCount);
