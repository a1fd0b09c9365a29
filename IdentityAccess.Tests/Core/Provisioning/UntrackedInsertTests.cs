using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Apply;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// The set-based apply's inserts (audit entries, new people, their memberships) must leave the very cells a SaveChanges
/// leaves: the same storage type and bytes in every column (SQLite: one prepared INSERT a row; PostgreSQL: COPY), so that
/// a faster shape tried later is held to the same (a chunk of rows a statement through JSON was, docs/performance.md).
/// The rows carry text that JSON escapes (quotes, backslashes, control characters, accents, an emoji), nulls, enums and
/// times; each is written by SaveChanges, its raw cells read, deleted, written again by <see cref="UntrackedInsert"/>
/// and read again.
/// </summary>
public abstract class UntrackedInsertTests(PortalFixture portal) : IAsyncLifetime
{
    private const int Rows = 1_250; // past a chunk of 1,000, the size a chunked insert was tried with
    private const string Domain = "@untracked.test";

    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    /// <summary>Text only this provider stores (PostgreSQL refuses a NUL in text).</summary>
    protected virtual IReadOnlyList<string> TextOnlyThisProviderStores => [];

    [Fact]
    public async Task InsertAsync_PeopleMembershipsAndAuditEntries_SameCellsAsSaveChanges()
    {
        var texts = new List<string> { "plain", "quote \" and \\ backslash", "tab\tnew\nline\u0001", "Zoë Ærøskøbing 日本", "emoji 😀 here", "</script>&'" };
        texts.AddRange(TextOnlyThisProviderStores);
        var then = new DateTimeOffset(2026, 12, 7, 10, 11, 12, 345, TimeSpan.Zero).AddTicks(6789); // UTC, as the app writes (PostgreSQL refuses another offset)
        var people = Enumerable.Range(0, Rows).Select(i => Person.Create($"p{i}{Domain}", $"{texts[i % texts.Count]} {i}", then.AddSeconds(i))).ToList();
        var memberships = people.Select((p, i) => new Membership
        {
            OrganizationId = portal.Demo.AcmeChat,
            PersonId = p.Id,
            Role = i % 3 == 0 ? Role.Admin : Role.User,
            SeatTier = i % 4 == 0 ? null : SeatTier.Standard,
            Status = i % 5 == 0 ? MembershipStatus.PendingSeat : MembershipStatus.Active,
            Source = MembershipSource.Scim,
            CreatedAt = then,
            StatusChangedAt = then.AddMinutes(i),
            RoleBeforeSync = i % 7 == 0 ? Role.Owner : null,
        }).ToList();
        var audit = new AuditLog(TimeProvider.System);
        var entries = people.Select((p, i) => audit.CreateSerialized(new AuditActor(i % 2 == 0 ? null : p.Id, texts[i % texts.Count]), "membership.provisioned",
            p.Email, i % 3 == 0 ? null : $$"""{"Role":"{{texts[i % texts.Count].Replace("\\", "\\\\").Replace("\"", "\\\"")}}"}""",
            i % 11 == 0 ? null : "{\"Reasons\":[\"é\"]}", portal.Demo.AcmeChat, i % 13 == 0 ? null : Guid.Empty)).ToList();

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.People.AddRange(people);
            db.Memberships.AddRange(memberships);
            db.AuditEvents.AddRange(entries);
            await db.SaveChangesAsync();
        }

        var saved = await CellsAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.AuditEvents.Where(e => e.Target.EndsWith(Domain)).ExecuteDeleteAsync();
            await db.Memberships.Where(m => m.Person!.Email.EndsWith(Domain)).ExecuteDeleteAsync();
            await db.People.Where(p => p.Email.EndsWith(Domain)).ExecuteDeleteAsync();
        }

        Assert.All(await CellsAsync(), rows => Assert.Empty(rows));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await UntrackedInsert.InsertAsync(db, people, CancellationToken.None);
            await UntrackedInsert.InsertAsync(db, memberships, CancellationToken.None);
            await UntrackedInsert.InsertAsync(db, entries.Select(e => e), CancellationToken.None); // streamed, as the apply passes them
            await transaction.CommitAsync();
        }

        var inserted = await CellsAsync();
        Assert.Equal(Rows, saved[0].Count);
        Assert.Equal(Rows, saved[1].Count);
        Assert.Equal(Rows, saved[2].Count);
        for (var table = 0; table < saved.Count; table++)
        {
            Assert.Equal(saved[table], inserted[table]);
        }
    }

    /// <summary>Every column of the rows this test wrote, as the database holds it: type and bytes, in id order.</summary>
    private async Task<List<List<string>>> CellsAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var tables = new List<List<string>>();
        foreach (var (type, filter) in new[]
        {
            (typeof(Person), $"\"Email\" LIKE '%{Domain}'"),
            (typeof(Membership), $"\"PersonId\" IN (SELECT \"Id\" FROM \"People\" WHERE \"Email\" LIKE '%{Domain}')"),
            (typeof(AuditEvent), $"\"Target\" LIKE '%{Domain}'"),
        })
        {
            var entity = db.Model.FindEntityType(type)!;
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
            var cell = db.Database.IsSqlite()
                ? string.Join(", ", columns.Select(c => $"typeof(\"{c}\"), hex(\"{c}\")"))
                : string.Join(", ", columns.Select(c => $"pg_typeof(\"{c}\")::text, coalesce(\"{c}\"::text, 'NULL')"));
            var row = db.Database.IsSqlite() ? $"json_array({cell})" : $"json_build_array({cell})::text";
            // Built from the model's column names and this test's constants only.
            var sql = $"SELECT {row} AS \"Value\" FROM \"{entity.GetTableName()}\" WHERE {filter} ORDER BY \"Id\"";
            tables.Add(await db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        }

        return tables;
    }
}

public sealed class SqliteUntrackedInsertTests() : UntrackedInsertTests(new SqlitePortalFixture())
{
    // SQLite keeps a NUL inside text, and Microsoft.Data.Sqlite writes a lone surrogate as U+FFFD.
    protected override IReadOnlyList<string> TextOnlyThisProviderStores => ["nul \0 inside", "lone \ud800 surrogate"];
}

[Trait("Category", "Postgres")]
public sealed class PostgresUntrackedInsertTests() : UntrackedInsertTests(new PostgresPortalFixture());
