using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;

namespace IdentityAccess.DemoIdp.Seed;

/// <summary>
/// The demo parent's IdP directory, as an IdP would have pushed it: groups with immutable ids and the people
/// assigned to the app, some of them not members yet. It gives the settings page real groups to map.
/// </summary>
internal static class DemoDirectory
{
    private static readonly (string Key, string Name)[] _groups =
    [
        ("6f1c2a9e-0001-4c1e-9a10-acme00000001", "anthropic-claude-owners"),
        ("6f1c2a9e-0002-4c1e-9a10-acme00000002", "anthropic-claude-admins"),
        ("6f1c2a9e-0003-4c1e-9a10-acme00000003", "anthropic-claude-users"),
        ("6f1c2a9e-0004-4c1e-9a10-acme00000004", "anthropic-claude-premium"),
        ("6f1c2a9e-0005-4c1e-9a10-acme00000005", "anthropic-claude-standard"),
        ("6f1c2a9e-0006-4c1e-9a10-acme00000006", "anthropic-console-admins"),
        ("6f1c2a9e-0007-4c1e-9a10-acme00000007", "anthropic-console-developers"),
    ];

    // Email, name, and the groups (by name) the IdP has them in.
    private static readonly (string Email, string Name, string[] Groups)[] _users =
    [
        ("alice@acme.test", "Alice Anders", ["anthropic-claude-owners", "anthropic-claude-premium", "anthropic-console-admins"]),
        ("bob@acme.test", "Bob Brown", ["anthropic-claude-admins", "anthropic-claude-premium"]),
        ("carol@acme.test", "Carol Chen", ["anthropic-claude-users", "anthropic-claude-standard"]),
        ("dave@acme.test", "Dave Diaz", ["anthropic-claude-users"]),
        ("erin@acme.test", "Erin Evans", ["anthropic-console-developers"]),
        ("frank@acme.test", "Frank Fischer", ["anthropic-claude-users"]),
        ("gina@acme.test", "Gina Gomez", ["anthropic-claude-users", "anthropic-claude-premium"]),
        ("ivan@acme.test", "Ivan Ivanov", ["anthropic-claude-users", "anthropic-console-developers"]),
    ];

    /// <summary>The groups as (immutable id, name): the demo identity provider's Acme tenant holds the same.</summary>
    public static IReadOnlyList<(string Key, string Name)> Groups => _groups;

    /// <summary>The people as (email, name, group names), in the order the IdP assigned them.</summary>
    public static IReadOnlyList<(string Email, string Name, string[] Groups)> Users => _users;

    /// <summary>The immutable id the IdP gives a person: the same in a SCIM push and in a SAML NameID.</summary>
    public static string ExternalIdOf(string email) => $"entra-{email.Split('@')[0]}";

    public static void Add(IdentityAccessDbContext db, Guid parentId, IReadOnlyDictionary<string, Person> people, DateTimeOffset now)
    {
        var groups = _groups.ToDictionary(g => g.Name, g => new DirectoryGroup
        {
            ParentOrganizationId = parentId,
            ExternalId = g.Key,
            DisplayName = g.Name,
            NormalizedDisplayName = g.Name.ToUpperInvariant(),
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.DirectoryGroups.AddRange(groups.Values);

        var order = 0;
        foreach (var (email, name, memberOf) in _users)
        {
            var user = new DirectoryUser
            {
                ParentOrganizationId = parentId,
                ExternalId = ExternalIdOf(email),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                DisplayName = name,
                PersonId = people.GetValueOrDefault(email)?.Id,
                CreatedAt = now.AddMinutes(order++), // the order the IdP assigned them: the seat queue's order
                UpdatedAt = now,
            };
            db.DirectoryUsers.Add(user);
            db.DirectoryGroupMembers.AddRange(memberOf.Select(g => new DirectoryGroupMember { GroupId = groups[g].Id, UserId = user.Id }));
        }
    }
}
