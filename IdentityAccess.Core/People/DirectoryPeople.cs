using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.People;

/// <summary>
/// Which person a directory user is. Found by email when they already exist (a manual member, someone who signed in
/// before the directory pushed them), which is audited, because from then on the directory governs them; else created.
/// Never outside the parent's verified domains: people are global by email, so linking by an address of another
/// tenant's domain would hand that tenant's person to this directory.
/// </summary>
internal static class DirectoryPeople
{
    /// <summary>The existing person with this address, linked to the user (audited); null when there is none or the parent does not own the address.</summary>
    public static async Task<Person?> LinkExistingAsync(IdentityAccessDbContext db, ParentDomains domains, DirectoryUser user, string email, AuditLog audit,
        AuditActor actor, CancellationToken cancellationToken)
    {
        if (!domains.Owns(email) || await FindAsync(db, email, cancellationToken) is not { } person)
        {
            return null;
        }

        Link(db, domains, user, person, audit, actor);
        return person;
    }

    /// <summary>
    /// The person for a directory user the rule engine provisions who is not linked yet: the existing one with that
    /// address (<paramref name="existing"/>, looked up with the plan's others by <see cref="FindManyAsync"/>), or a new
    /// one. Null, and nothing written, when the parent does not own the address. <c>Created</c> says the person is new,
    /// so it can have no membership yet.
    /// </summary>
    public static async Task<(Person Person, bool Created)?> LinkOrCreateAsync(IdentityAccessDbContext db, ParentDomains domains, Guid? directoryUserId,
        string email, string displayName, Person? existing, AuditLog audit, AuditActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Choose(domains, email, displayName, existing, now) is not { } chosen)
        {
            return null;
        }

        var user = directoryUserId is { } id ? await db.DirectoryUsers.FindAsync([id], cancellationToken) : null;
        if (chosen.Created)
        {
            db.People.Add(chosen.Person);
            if (user is not null)
            {
                user.PersonId = chosen.Person.Id;
            }
        }
        else if (user is not null)
        {
            Link(db, domains, user, existing!, audit, actor);
        }

        return chosen;
    }

    /// <summary>
    /// The rule of <see cref="LinkOrCreateAsync"/>, for it and for the set-based path of a large plan: null when the
    /// parent does not own the address; else the existing person, or a new one (added nowhere yet).
    /// </summary>
    public static (Person Person, bool Created)? Choose(ParentDomains domains, string email, string displayName, Person? existing, DateTimeOffset now) =>
        !domains.Owns(email) ? null : existing is null ? (Person.Create(email, displayName, now), true) : (existing, false);

    /// <summary>The audit entry of a directory user linked to a person who existed already: from then on the directory governs them.</summary>
    public static AuditEvent LinkedEntry(ParentDomains domains, Person person, string userName, string? externalId, AuditLog audit, AuditActor actor) =>
        audit.Create(actor, "person.linked_to_directory", person.Email, null, new { DirectoryUser = userName, ExternalId = externalId },
            parentOrganizationId: domains.ParentId);

    /// <summary>The people with these addresses (tracked), by normalized email: one query for a whole plan's new directory users.</summary>
    public static async Task<Dictionary<string, Person>> FindManyAsync(IdentityAccessDbContext db, IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var normalized = emails.Select(EmailAddress.Normalize).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var chunk in normalized.Chunk(1000)) // inside every provider's parameter limit, for a full reconcile's thousands
        {
            foreach (var person in await db.People.Where(p => chunk.Contains(p.NormalizedEmail)).ToListAsync(cancellationToken))
            {
                found.TryAdd(person.NormalizedEmail, person);
            }
        }

        // Added but unsaved people of this unit of work count too: two directory users with one address share a person.
        foreach (var person in db.People.Local.Where(p => normalized.Contains(p.NormalizedEmail)))
        {
            found.TryAdd(person.NormalizedEmail, person);
        }

        return found;
    }

    private static async Task<Person?> FindAsync(IdentityAccessDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        return await db.People.SingleOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken);
    }

    private static void Link(IdentityAccessDbContext db, ParentDomains domains, DirectoryUser user, Person person, AuditLog audit, AuditActor actor)
    {
        user.PersonId = person.Id;
        db.AuditEvents.Add(LinkedEntry(domains, person, user.UserName, user.ExternalId, audit, actor));
    }
}
