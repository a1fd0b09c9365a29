using IdentityAccess.Core.Audit;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Audit;

/// <summary>
/// The person filter reads one person's entries through the (organization, target) and (parent, target) indexes, not
/// the whole log: SQLite's plan for the very command the page runs. A plan, not a time: speed is for benchmarks.
/// </summary>
public sealed class AuditPersonFilterPlanTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task PersonFilter_CountAndPage_UseTheTargetIndexes()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var query = new AuditQuery { Person = "carol@acme.test" };
        var targets = await AuditSubject.TargetsAsync(db, query.Person, CancellationToken.None);
        var events = query.Apply(db.AuditEvents.AsNoTracking(), portal.Demo.AcmeChat, portal.Demo.AcmeParent, targets);

        var plan = await PlanAsync(db, events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(50));

        Assert.Contains("IX_AuditEvents_OrganizationId_Target", plan, StringComparison.Ordinal);
        Assert.Contains("IX_AuditEvents_ParentOrganizationId_Target", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN AuditEvents", plan, StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(DbContext db, IQueryable<AuditEvent> query)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    }
}
