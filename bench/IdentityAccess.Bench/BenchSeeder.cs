using System.Diagnostics;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Bench;

/// <summary>
/// Builds a large directory quickly: people, their directory users and their memberships, written in batches
/// straight to the database as a long-running sync would have left them (SCIM creates would take minutes).
/// </summary>
internal static class BenchSeeder
{
    public static async Task SeedAsync(IDbContextFactory<IdentityAccessDbContext> contexts, Guid organizationId, Guid parentId, int people)
    {
        const int Batch = 5000;
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < people; start += Batch)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(people, start + Batch); i++)
            {
                var email = $"seed{i}@acme.test";
                var person = Person.Create(email, $"Seed {i}", now);
                db.People.Add(person);
                db.DirectoryUsers.Add(new DirectoryUser
                {
                    ParentOrganizationId = parentId,
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    DisplayName = $"Seed {i}",
                    PersonId = person.Id,
                    CreatedAt = now.AddTicks(i),
                    UpdatedAt = now,
                });
                db.Memberships.Add(new Membership
                {
                    OrganizationId = organizationId,
                    PersonId = person.Id,
                    Role = Role.User,
                    SeatTier = SeatTier.Standard,
                    Status = MembershipStatus.Active,
                    Source = MembershipSource.Scim,
                    CreatedAt = now,
                    StatusChangedAt = now,
                });
            }

            await db.SaveChangesAsync();
        }

        // Fold the seeding's write-ahead log into the file, and on PostgreSQL its seat-counter changes into the
        // counters (as the app's own writers do under the organization's lock), so the measurement does not pay for
        // the seeding. On PostgreSQL a checkpoint too: otherwise the one that writes the seeded pages out falls at a
        // random moment of the timed part (first SSO sign-in at 100k: 17-24 ms from one run to the next).
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await SeatHoldingCounts.FoldAsync(db, organizationId);
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA wal_checkpoint(TRUNCATE);" : "VACUUM ANALYZE;");
            if (!db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("CHECKPOINT;");
            }
        }

        Console.WriteLine($"seeded {people} people with directory users and memberships in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
