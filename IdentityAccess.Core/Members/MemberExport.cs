using System.Runtime.CompilerServices;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members;

/// <summary>
/// Reads every listed member of an organization (removed ones are history, not members) a page at a time, ordered by
/// email. Each page is its own short query that continues after the last email seen, so a 100k-member export holds
/// neither all rows in memory nor a database connection while the client downloads.
/// </summary>
public sealed class MemberExport(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public const int DefaultPageSize = 1_000;

    public async IAsyncEnumerable<IReadOnlyList<MemberListItem>> ReadPagesAsync(Guid organizationId, int pageSize = DefaultPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string? after = null;
        while (true)
        {
            var page = await ReadPageAsync(organizationId, after, pageSize, cancellationToken);
            if (page.Count > 0)
            {
                yield return [.. page.Select(row => row.Item)];
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].NormalizedEmail;
        }
    }

    private async Task<List<(string NormalizedEmail, MemberListItem Item)>> ReadPageAsync(Guid organizationId, string? after, int pageSize,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.Status != MembershipStatus.Removed);
        if (after is not null)
        {
            // Normalized emails are unique, so "after the last one" never skips or repeats a member (keyset paging).
            members = members.Where(m => string.Compare(m.Person!.NormalizedEmail, after) > 0);
        }

        var rows = await members.OrderBy(m => m.Person!.NormalizedEmail).Take(pageSize)
            .Select(m => new
            {
                m.Person!.NormalizedEmail,
                Item = new MemberListItem(m.Id, m.PersonId, m.Person.DisplayName, m.Person.Email, m.Role, m.SeatTier, m.Status, m.Source, m.CreatedAt),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.NormalizedEmail, r.Item))];
    }
}
