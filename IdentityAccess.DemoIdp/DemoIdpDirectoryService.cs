using IdentityAccess.Core.Common;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.DemoIdp.Push;
using IdentityAccess.DemoIdp.Storage;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.DemoIdp;

/// <summary>Edits the demo IdP's people, groups and memberships. A development tool: no access checks and no audit.</summary>
public sealed class DemoIdpDirectoryService(IDbContextFactory<DemoIdpDbContext> contexts, IDbContextFactory<IdentityAccessDbContext> app, TimeProvider time)
{
    public async Task<DemoIdpDirectory> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Domain).ThenBy(p => p.Email).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().Include(g => g.Members).OrderBy(g => g.Domain).ThenBy(g => g.DisplayName)
            .ToListAsync(cancellationToken);
        return new DemoIdpDirectory(people, groups);
    }

    public async Task<Error?> SavePersonAsync(Guid? id, string email, string displayName, bool active, CancellationToken cancellationToken = default)
    {
        if (CheckPerson(email, displayName) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = EmailAddress.Normalize(email);
        if (await db.People.AnyAsync(p => p.NormalizedEmail == normalized && p.Id != id, cancellationToken))
        {
            return new DemoDirectoryInputInvalid("email", $"{email.Trim()} is already in the demo directory.");
        }

        var person = id is null ? null : await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (id is not null && person is null)
        {
            return Gone;
        }

        if (person is null)
        {
            // A GUID, as Entra's object ids are: it never changes, whatever happens to the email.
            person = new DemoIdpPerson { ImmutableId = Guid.NewGuid().ToString(), DisplayName = "", CreatedAt = time.GetUtcNow() };
            db.People.Add(person);
        }
        else if (EmailAddress.DomainOf(email) != person.Domain)
        {
            // Groups belong to one tenant: moving to another domain leaves the old tenant's groups.
            await db.GroupMembers.Where(m => m.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        }

        person.ChangeEmail(email);
        person.DisplayName = displayName.Trim();
        person.Active = active;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task RemovePersonAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.People.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<Error?> SaveGroupAsync(Guid? id, string displayName, string domain, IReadOnlyCollection<Guid> memberIds,
        CancellationToken cancellationToken = default)
    {
        var name = displayName?.Trim() ?? "";
        var tenant = domain?.Trim().ToLowerInvariant() ?? "";
        if (name.Length is 0 or > 256 || tenant.Length is 0 or > 253 || tenant.Contains('@', StringComparison.Ordinal))
        {
            return new DemoDirectoryInputInvalid("group", "A group needs a name (at most 256 characters) and a domain such as acme.test.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = id is null ? null : await db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (id is not null && group is null)
        {
            return Gone;
        }

        tenant = group?.Domain ?? tenant;
        if (await db.Groups.AnyAsync(g => g.Domain == tenant && g.DisplayName == name && g.Id != id, cancellationToken))
        {
            return new DemoDirectoryInputInvalid("group", $"{tenant} already has a group named {name}.");
        }

        var members = await db.People.Where(p => memberIds.Contains(p.Id)).Select(p => new { p.Id, p.Domain }).ToListAsync(cancellationToken);
        if (members.Count != memberIds.Count || members.Exists(m => m.Domain != tenant))
        {
            return new DemoDirectoryInputInvalid("members", $"Members of a {tenant} group must be people of {tenant}.");
        }

        if (group is null)
        {
            group = new DemoIdpGroup { ImmutableId = Guid.NewGuid().ToString(), DisplayName = name, Domain = tenant, CreatedAt = time.GetUtcNow() };
            db.Groups.Add(group);
        }

        group.DisplayName = name;
        group.Members.RemoveAll(m => !memberIds.Contains(m.PersonId));
        group.Members.AddRange(memberIds.Where(p => !group.Members.Exists(m => m.PersonId == p))
            .Select(p => new DemoIdpGroupMember { GroupId = group.Id, PersonId = p }));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task RemoveGroupAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Groups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Parents a push can target: those that verified a domain, with the domains (the tenants pushed).</summary>
    public async Task<IReadOnlyList<DemoIdpPushTarget>> ListPushTargetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await app.CreateDbContextAsync(cancellationToken);
        var rows = await db.VerifiedDomains.Where(d => d.Status == Core.Sso.Domains.DomainStatus.Verified)
            .Join(db.ParentOrganizations, d => d.ParentOrganizationId, p => p.Id, (d, p) => new { p.Id, p.Name, d.Domain })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.Id, r.Name)).OrderBy(g => g.Key.Name)
            .Select(g => new DemoIdpPushTarget(g.Key.Id, g.Key.Name, [.. g.Select(r => r.Domain).Order(StringComparer.Ordinal)]))];
    }

    private static DemoDirectoryInputInvalid Gone => new("id", "It was removed meanwhile; reload the page.");

    private static DemoDirectoryInputInvalid? CheckPerson(string email, string displayName)
    {
        var trimmed = email?.Trim() ?? "";
        var at = trimmed.LastIndexOf('@');
        if (trimmed.Length > 320 || at < 1 || at == trimmed.Length - 1 || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return new DemoDirectoryInputInvalid("email", "Enter an email address such as someone@acme.test.");
        }

        return string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 200
            ? new DemoDirectoryInputInvalid("displayName", "Enter a display name (at most 200 characters).")
            : null;
    }
}
