using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>
/// Turns a sign-in's groups into mapping keys. Ids are keys already. Names are looked up in the parent's SCIM
/// directory when it has one (an active SCIM token or pushed groups), so one mapping serves SCIM and JIT; ambiguous or
/// unknown names are left out and reported, never guessed. Without a directory, names resolve through the groups
/// recorded at earlier sign-ins, and a name seen for the first time is recorded, so the mapping tables can offer it.
/// </summary>
public static class SamlGroupNames
{
    /// <summary>A recorded group's last-seen date is refreshed at most this often, so a sign-in rarely writes.</summary>
    private static readonly TimeSpan _lastSeenPrecision = TimeSpan.FromDays(1);

    /// <param name="record">
    /// At a sign-in: add first-seen names to the context (saved with the sign-in) and refresh last-seen dates. False
    /// for a preview (the test sign-in), which writes nothing: a new name then has no key yet.
    /// </param>
    public static async Task<SamlGroupResolution> ResolveAsync(IdentityAccessDbContext db, Guid parentId, SamlGroupsFormat format,
        IReadOnlyList<string> sent, bool record, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sent);
        if (format == SamlGroupsFormat.Ids || sent.Count == 0)
        {
            return new SamlGroupResolution([.. sent.Select(s => new SamlGroupMatch(s, SamlGroupMatchKind.Id, s, null))]);
        }

        if (await HasDirectoryAsync(db, parentId, cancellationToken))
        {
            var groups = await db.DirectoryGroups.AsNoTracking().Where(g => g.ParentOrganizationId == parentId)
                .Select(g => new { g.ExternalId, g.DisplayName }).ToListAsync(cancellationToken);
            var directory = new DirectoryGroupNames(groups.Select(g => (g.ExternalId, g.DisplayName)));
            return new SamlGroupResolution([.. sent.Select(directory.Match)]);
        }

        return await ResolveRecordedAsync(db, parentId, sent, record, now, cancellationToken);
    }

    /// <summary>Whether names are looked up in a SCIM directory: the parent has an active SCIM token, or groups pushed earlier.</summary>
    public static async Task<bool> HasDirectoryAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken = default) =>
        await db.DirectoryGroups.AnyAsync(g => g.ParentOrganizationId == parentId, cancellationToken)
        || await db.ScimTokens.AnyAsync(t => t.ParentOrganizationId == parentId && t.RevokedAt == null, cancellationToken);

    private static async Task<SamlGroupResolution> ResolveRecordedAsync(IdentityAccessDbContext db, Guid parentId, IReadOnlyList<string> sent,
        bool record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var usable = sent.Where(s => GroupNameMatching.Unusable(s) is null).ToList();
        var normalized = usable.Select(GroupNameMatching.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var trimmed = usable.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        // Through the two unique indexes: the recorded groups these names are, and the keys a first-seen name would take.
        var recorded = record ? db.SignInGroups : db.SignInGroups.AsNoTracking();
        var known = await recorded.Where(g => g.ParentOrganizationId == parentId && normalized.Contains(g.NormalizedName))
            .ToDictionaryAsync(g => g.NormalizedName, StringComparer.Ordinal, cancellationToken);
        var takenKeys = (await db.SignInGroups.Where(g => g.ParentOrganizationId == parentId && trimmed.Contains(g.Key))
            .Select(g => g.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var matches = new List<SamlGroupMatch>(sent.Count);
        var firstSeen = new HashSet<string>(StringComparer.Ordinal); // "Sales" and "SALES" in one assertion: one new group
        foreach (var value in sent)
        {
            if (GroupNameMatching.Unusable(value) is not null)
            {
                matches.Add(new SamlGroupMatch(value, SamlGroupMatchKind.Unusable, null, null));
                continue;
            }

            var name = GroupNameMatching.Normalize(value);
            if (known.TryGetValue(name, out var group))
            {
                var firstSeenNow = firstSeen.Contains(name);
                matches.Add(new SamlGroupMatch(value, firstSeenNow ? SamlGroupMatchKind.New : SamlGroupMatchKind.Recorded,
                    group.Key.Length > 0 ? group.Key : null, group.Name));
                if (record && !firstSeenNow && now - group.LastSeenAt >= _lastSeenPrecision)
                {
                    group.LastSeenAt = now;
                }

                continue;
            }

            // The key is the name first seen, unless a group since renamed holds it: then a fresh one, as no mapping can name it yet.
            var key = takenKeys.Contains(value.Trim()) ? (record ? $"signin-group:{Guid.CreateVersion7()}" : null) : value.Trim();
            matches.Add(new SamlGroupMatch(value, SamlGroupMatchKind.New, key, value.Trim()));
            var added = new SignInGroup
            {
                ParentOrganizationId = parentId,
                Key = key ?? "",
                Name = value.Trim(),
                NormalizedName = name,
                FirstSeenAt = now,
                LastSeenAt = now,
            };
            known[name] = added;
            firstSeen.Add(name);
            if (record)
            {
                db.SignInGroups.Add(added);
                takenKeys.Add(added.Key);
            }
        }

        return new SamlGroupResolution(matches);
    }
}
