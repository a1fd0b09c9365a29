using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// What the Identity and access page shows, asked of the database in SQL rather than by loading every member: the
/// page must open as fast with a hundred thousand people as with ten. Only the people listed as "not members" go
/// through the rule engine, for their reasons, and they are asked for apart.
/// </summary>
internal static class SettingsPageQueries
{
    public static async Task<ProvisioningSettingsView?> LoadAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        if (await ProvisioningInputLoader.LoadSavedDraftAsync(db, organizationId, cancellationToken) is not { } saved)
        {
            return null;
        }

        // The settings need the organization's plan and the parent's groups, not its people: no engine input here.
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Parent).SingleAsync(o => o.Id == organizationId, cancellationToken);
        var parentId = organization.ParentOrganizationId;
        var topRole = RoleCatalog.TopRole(organization.Product);
        var topRoleMembers = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.Active && m.Role == topRole)
            .OrderBy(m => m.Person!.Email).Select(m => new PersonOption(m.PersonId, m.Person!.DisplayName, m.Person.Email))
            .ToListAsync(cancellationToken);
        var assigned = await db.DirectoryUsers.CountAsync(u => u.ParentOrganizationId == parentId && u.Active, cancellationToken);
        var jit = saved.Mode == ProvisioningMode.Jit;
        var groupNames = await ProvisioningInputLoader.GroupNamesAsync(db, parentId, cancellationToken);
        return new ProvisioningSettingsView(saved, ProvisioningModePolicy.Evaluate(organization.Plan, organization.Parent!.Plan),
            await GroupOptionsAsync(db, parentId, jit, groupNames, cancellationToken), topRoleMembers, assigned);
    }

    /// <summary>
    /// The help article's first troubleshooting case: assigned in the IdP (or signed in through SSO), yet not an active
    /// member here. Asked apart from the settings because it is the page's one read that grows with the directory (at
    /// 100,000 people it checks each of them against the members), so the page draws its settings without waiting.
    /// </summary>
    public static async Task<AssignedButNotMembers?> AssignedButNotMembersAsync(IdentityAccessDbContext db, Guid organizationId,
        NotMembersQuery query, CancellationToken cancellationToken)
    {
        if (await ProvisioningInputLoader.LoadSavedDraftAsync(db, organizationId, cancellationToken) is not { } saved)
        {
            return null;
        }

        var parentId = await ParentOfAsync(db, organizationId, cancellationToken);
        var (scope, count) = await NotMemberCandidatesAsync(db, organizationId, parentId, saved.Mode == ProvisioningMode.Jit, query, cancellationToken);
        var input = (await ProvisioningInputLoader.LoadAsync(db, organizationId, saved, scope, cancellationToken))!;
        // A candidate the next reconcile would admit is not one. Only this page's candidates: the loader brings the
        // whole seat queue in with them (a seat could be free), and those waiting belong to their own page and search.
        var people = ProvisioningRules.Evaluate(input).Outcomes
            .Where(o => (o.Person.PersonId is { } person && scope.PersonIds.Contains(person))
                || (o.Person.DirectoryUserId is { } user && scope.DirectoryUserIds.Contains(user)))
            .Where(o => ((o.Person.Directory == DirectoryPresence.Active || o.Person.GroupsFrom == GroupKnowledge.LastSignIn)
                    && o.Person.Membership?.IsMember != true && !o.IsActiveMember)
                || o.Person.Membership?.Status == MembershipStatus.PendingSeat)
            .OrderBy(o => o.Person.Email, StringComparer.OrdinalIgnoreCase).ToList();
        // A directory user also waiting for a seat is one email but two rows: never fewer in all than are listed.
        return new AssignedButNotMembers(people, people.Count == 0 ? count : Math.Max(count, query.Skip + people.Count)) { Query = query };
    }

    private static Task<Guid> ParentOfAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ParentOrganizationId).SingleAsync(cancellationToken);

    /// <summary>
    /// The directory's groups with how many people each decides for. With JIT a person's last sign-in decides, so
    /// those who signed in count under the groups their assertion carried (by id when no directory names them).
    /// </summary>
    private static async Task<List<DirectoryGroupOption>> GroupOptionsAsync(IdentityAccessDbContext db, Guid parentId, bool jit,
        IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        var signedIn = db.SamlIdentityLinks.Where(l => l.ParentOrganizationId == parentId && l.LastSignInAt != null);
        var directorySizes = await db.DirectoryGroups.Where(g => g.ParentOrganizationId == parentId)
            .Select(g => new
            {
                g.ExternalId,
                Size = db.DirectoryGroupMembers.Count(m => m.GroupId == g.Id
                    && !(jit && db.DirectoryUsers.Any(u => u.Id == m.UserId && u.PersonId != null && signedIn.Any(l => l.PersonId == u.PersonId)))),
            })
            .ToDictionaryAsync(g => g.ExternalId, g => g.Size, cancellationToken);
        // Counted here, not in SQL: unnesting a list column needs APPLY, which SQLite lacks. One short list per sign-in.
        var signInSizes = jit
            ? (await signedIn.Select(l => l.LastSignInGroups).ToListAsync(cancellationToken)).SelectMany(g => g).CountBy(g => g).ToDictionary()
            : [];

        // A name not in the directory was recorded at a sign-in (an IdP that sends names, no directory): said so.
        return [.. names.Select(g => new DirectoryGroupOption(g.Key, directorySizes.ContainsKey(g.Key) ? g.Value : $"{g.Value} (seen at sign-in)",
                directorySizes.GetValueOrDefault(g.Key) + signInSizes.GetValueOrDefault(g.Key)))
            .Concat(signInSizes.Where(s => !names.ContainsKey(s.Key)).Select(s => new DirectoryGroupOption(s.Key, $"{s.Key} (seen at sign-in)", s.Value)))
            .OrderBy(g => g.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// People the IdP knows who are not members here (assigned in the directory, waiting for a seat, or, with JIT,
    /// signed in without getting in) and match the search: how many, and the query's page of them by email as a scope
    /// to evaluate. Everything is asked of this organization and its own parent only.
    /// </summary>
    private static async Task<(ReconcileScope Scope, int Count)> NotMemberCandidatesAsync(IdentityAccessDbContext db, Guid organizationId,
        Guid parentId, bool jit, NotMembersQuery query, CancellationToken cancellationToken)
    {
        var members = db.Memberships.Where(m => m.OrganizationId == organizationId && m.Status != MembershipStatus.Removed);
        var assigned = db.DirectoryUsers.Where(u => u.ParentOrganizationId == parentId && u.Active);
        // Unlinked users and linked non-members asked apart: as one "no person OR NOT EXISTS" condition PostgreSQL can
        // not plan an anti-join, estimates the directory scan as huge and JIT-compiles it (200–400 ms at 100,000 people).
        var candidates = assigned.Where(u => u.PersonId == null)
            .Select(u => new { Email = u.Email ?? u.UserName, Name = u.DisplayName, DirectoryUserId = (Guid?)u.Id, u.PersonId })
            .Concat(assigned.Where(u => u.PersonId != null && !members.Any(m => m.PersonId == u.PersonId))
                .Select(u => new { Email = u.Email ?? u.UserName, Name = u.DisplayName, DirectoryUserId = (Guid?)u.Id, u.PersonId }))
            .Concat(members.Where(m => m.Status == MembershipStatus.PendingSeat)
                .Select(m => new { Email = m.Person!.Email, Name = (string?)m.Person.DisplayName, DirectoryUserId = (Guid?)null, PersonId = (Guid?)m.PersonId }));
        if (jit)
        {
            candidates = candidates.Concat(db.SamlIdentityLinks
                .Where(l => l.ParentOrganizationId == parentId && l.LastSignInAt != null && !members.Any(m => m.PersonId == l.PersonId))
                .Select(l => new { Email = l.Person!.Email, Name = (string?)l.Person.DisplayName, DirectoryUserId = (Guid?)null, PersonId = (Guid?)l.PersonId }));
        }

        if (query.IsSearch)
        {
            // Lower-cased on both sides: PostgreSQL compares case-sensitively, SQLite's LIKE only folds ASCII. Contains
            // becomes strpos/instr, not LIKE, so a typed % or _ is a character, not a wildcard.
            var term = query.Search.ToLowerInvariant();
            candidates = candidates.Where(c => c.Email.ToLower().Contains(term) || (c.Name != null && c.Name.ToLower().Contains(term)));
        }

        // One pass, in email order, both counts them and keeps the page: counting in SQL and then asking for the page's
        // rows scanned the parent's directory twice (two thirds of the page's time at 100,000 people). Usually few rows
        // come back; when many do, only their email and ids travel, and only the page's are kept and evaluated.
        var first = new List<(string Email, Guid? DirectoryUserId, Guid? PersonId)>(NotMembersQuery.PageSize);
        var count = 0;
        string? previous = null;
        await foreach (var candidate in candidates.OrderBy(c => c.Email).Select(c => new { c.Email, c.DirectoryUserId, c.PersonId })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // Sorted, so the same email (a directory user also waiting for a seat) comes in a row: counted once, and
            // its rows kept together on one page.
            if (!string.Equals(candidate.Email, previous, StringComparison.Ordinal))
            {
                count++;
                previous = candidate.Email;
            }

            if (count > query.Skip && count <= query.Skip + NotMembersQuery.PageSize)
            {
                first.Add((candidate.Email, candidate.DirectoryUserId, candidate.PersonId));
            }
        }

        var scope = new ReconcileScope()
            .AddDirectoryUsers(first.Where(c => c.DirectoryUserId is not null).Select(c => c.DirectoryUserId!.Value))
            .AddPeople(first.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value));
        return (scope, count);
    }
}
