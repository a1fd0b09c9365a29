using System.Text.Json;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// The plan applier's path for many directory users who are not a person yet (a group PATCH that provisions 2,000
/// people at once): which person each is follows <see cref="DirectoryPeople.Choose"/>, as on the tracked path, but the
/// new people, their memberships and the audit entries go in through <see cref="UntrackedInsert"/>, and the directory
/// users are linked by one UPDATE per chunk. Tracked, 2,000 people were 8,000 one-row statements in the caller's
/// SaveChanges (most of such a PATCH's time on SQLite). Memberships of people who existed already (linked by email)
/// stay tracked: they are few, and the caller's SaveChanges writes them as before.
/// </summary>
internal sealed class SetBasedNewPeople
{
    private const int ChunkSize = 10_000; // the links travel as one JSON / array parameter, as in SetBasedPlanApply

    private readonly Dictionary<PersonOutcome, (Person Person, bool Created)?> _chosen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PersonOutcome, AuditEvent> _linkedEntries = new(ReferenceEqualityComparer.Instance);
    private readonly List<Person> _people = [];
    private readonly List<(Guid UserId, Guid PersonId)> _links = [];
    private readonly List<Membership> _memberships = [];
    private readonly List<AuditEvent> _entries = [];

    private SetBasedNewPeople()
    {
    }

    /// <summary>The memberships, in this organization, of the people who existed already (tracked, by person id).</summary>
    public Dictionary<Guid, Membership> ExistingRows { get; private set; } = [];

    /// <summary>
    /// Chooses the person of each directory user in <paramref name="unlinked"/>, in plan order (a second directory user
    /// with one address finds the person the first one got); null when the tracked path must run instead: people of
    /// this unit of work not saved yet, whom rows written outside the change tracker cannot refer to.
    /// </summary>
    public static async Task<SetBasedNewPeople?> ChooseAsync(IdentityAccessDbContext db, ParentDomains domains, Guid organizationId,
        IReadOnlyList<PersonOutcome> unlinked, AuditLog audit, AuditActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = await DirectoryPeople.FindManyAsync(db, unlinked.Select(o => o.Person.Email), cancellationToken);
        if (people.Values.Any(p => db.Entry(p).State == EntityState.Added))
        {
            return null;
        }

        var users = await DirectoryUsersAsync(db, unlinked, cancellationToken);
        var chosen = new SetBasedNewPeople();
        var (created, existing) = (new HashSet<Guid>(), new HashSet<Guid>());
        foreach (var outcome in unlinked)
        {
            var (email, normalized) = (outcome.Person.Email, EmailAddress.Normalize(outcome.Person.Email));
            var choice = DirectoryPeople.Choose(domains, email, outcome.Person.DisplayName, people.GetValueOrDefault(normalized), now);
            chosen._chosen[outcome] = choice;
            if (choice is not var (person, isNew))
            {
                continue; // not the parent's address: nothing written
            }

            if (isNew)
            {
                chosen._people.Add(person);
                created.Add(person.Id);
                people[normalized] = person; // a second directory user with this address finds it
            }
            else if (!created.Contains(person.Id))
            {
                existing.Add(person.Id);
            }

            if (outcome.Person.DirectoryUserId is { } userId && users.GetValueOrDefault(userId) is { } user)
            {
                chosen._links.Add((userId, person.Id));
                if (!isNew)
                {
                    chosen._linkedEntries[outcome] = DirectoryPeople.LinkedEntry(domains, person, user.UserName, user.ExternalId, audit, actor);
                }
            }
        }

        chosen.ExistingRows = await ExistingRowsAsync(db, organizationId, [.. existing], cancellationToken);
        return chosen;
    }

    /// <summary>
    /// The person chosen for this directory user, and whether it is new; null when the parent does not own the address.
    /// Its link's audit entry joins the others here, in the tracked path's order (before the membership's).
    /// </summary>
    public (Person Person, bool Created)? Of(PersonOutcome outcome)
    {
        if (_linkedEntries.Remove(outcome, out var linked))
        {
            _entries.Add(linked);
        }

        return _chosen[outcome];
    }

    public void Add(Membership row) => _memberships.Add(row);

    public void Add(AuditEvent entry) => _entries.Add(entry);

    /// <summary>Writes the people, the links, the new memberships and the audit entries, in the caller's transaction.</summary>
    public async Task WriteAsync(IdentityAccessDbContext db, CancellationToken cancellationToken)
    {
        await UntrackedInsert.InsertAsync(db, _people, cancellationToken); // first: the links and memberships refer to them
        await LinkAsync(db, cancellationToken);
        await UntrackedInsert.InsertAsync(db, _memberships, cancellationToken);
        await UntrackedInsert.InsertAsync(db, _entries, cancellationToken);
    }

    /// <summary>
    /// One UPDATE per chunk, each directory user to its own person, the pairs as one parameter. A directory user this
    /// context tracks gets the same value, as if saved, so a later read or save of it does not see it unlinked.
    /// </summary>
    private async Task LinkAsync(IdentityAccessDbContext db, CancellationToken cancellationToken)
    {
        if (_links.Count == 0)
        {
            return;
        }

        var sqlite = db.Database.IsSqlite();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        // SQLite: a JSON object of user id → person id (json_each gives its keys and values); the primary key drives the join.
        command.CommandText = sqlite
            ? """UPDATE "DirectoryUsers" SET "PersonId" = l.value FROM json_each(@links) AS l WHERE "DirectoryUsers"."Id" = l.key"""
            : """UPDATE "DirectoryUsers" AS d SET "PersonId" = l.p FROM unnest(@users, @people) AS l(u, p) WHERE d."Id" = l.u""";
        var users = command.CreateParameter();
        var people = command.CreateParameter();
        (users.ParameterName, people.ParameterName) = sqlite ? ("links", "unused") : ("users", "people");
        command.Parameters.Add(users);
        if (!sqlite)
        {
            command.Parameters.Add(people);
        }

        foreach (var chunk in _links.Chunk(ChunkSize))
        {
            if (sqlite)
            {
                // EF Core's SQLite provider stores a Guid as upper-case text.
                users.Value = JsonSerializer.Serialize(chunk.ToDictionary(l => Text(l.UserId), l => Text(l.PersonId)));
            }
            else
            {
                (users.Value, people.Value) = (chunk.Select(l => l.UserId).ToArray(), chunk.Select(l => l.PersonId).ToArray());
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (userId, personId) in _links)
        {
            if (db.DirectoryUsers.Local.FindEntry(userId) is { } entry)
            {
                var link = entry.Property(u => u.PersonId);
                (link.CurrentValue, link.OriginalValue) = (personId, personId);
            }
        }
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task<Dictionary<Guid, (string UserName, string? ExternalId)>> DirectoryUsersAsync(IdentityAccessDbContext db,
        IReadOnlyList<PersonOutcome> unlinked, CancellationToken cancellationToken)
    {
        var users = new Dictionary<Guid, (string, string?)>();
        var ids = unlinked.Where(o => o.Person.DirectoryUserId is not null).Select(o => o.Person.DirectoryUserId!.Value).Distinct().ToList();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            foreach (var user in await db.DirectoryUsers.AsNoTracking().Where(u => EF.Parameter(chunk).Contains(u.Id))
                .Select(u => new { u.Id, u.UserName, u.ExternalId }).ToListAsync(cancellationToken))
            {
                users[user.Id] = (user.UserName, user.ExternalId);
            }
        }

        return users;
    }

    private static async Task<Dictionary<Guid, Membership>> ExistingRowsAsync(IdentityAccessDbContext db, Guid organizationId, Guid[] personIds,
        CancellationToken cancellationToken)
    {
        var rows = new Dictionary<Guid, Membership>();
        foreach (var chunk in personIds.Chunk(ChunkSize))
        {
            foreach (var row in await db.Memberships.Where(m => m.OrganizationId == organizationId && EF.Parameter(chunk).Contains(m.PersonId))
                .ToListAsync(cancellationToken))
            {
                rows[row.PersonId] = row;
            }
        }

        return rows;
    }
}
