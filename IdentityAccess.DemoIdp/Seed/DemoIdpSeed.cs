using IdentityAccess.DemoIdp.Storage;

namespace IdentityAccess.DemoIdp.Seed;

/// <summary>
/// The demo IdP's starting directory: Acme's tenant mirrors the directory the demo seeds into the app (same immutable
/// ids, so pushes and sign-ins match it), plus an engineering group and Oscar (the Admin of Acme Labs, in no group); Globex's tenant holds Grace and Hank. Frank, Gina,
/// Ivan (acme.test) and Iris (globex.test) have no account yet: signing in as them shows JIT at work.
/// </summary>
internal static class DemoIdpSeed
{
    private static readonly (string Key, string Name, string Domain)[] _extraGroups =
    [
        ("6f1c2a9e-0008-4c1e-9a10-acme00000008", "acme-engineering", "acme.test"),
        ("7a2d3b10-0001-4d2e-8b20-91067e000001", "globex-owners", "globex.test"),
        ("7a2d3b10-0002-4d2e-8b20-91067e000002", "globex-users", "globex.test"),
    ];

    private static readonly (string Email, string Name, string[] Groups)[] _extraPeople =
    [
        ("grace@globex.test", "Grace Green", ["globex-owners"]),
        ("hank@globex.test", "Hank Hill", ["globex-users"]),
        ("iris@globex.test", "Iris Ito", ["globex-users"]),
        ("oscar@acme.test", "Oscar Ortiz", []),
    ];

    private static readonly string[] _engineers = ["erin@acme.test", "frank@acme.test", "ivan@acme.test"];

    public static void Add(DemoIdpDbContext db, DateTimeOffset now)
    {
        var groups = DemoDirectory.Groups.Select(g => (g.Key, g.Name, Domain: "acme.test")).Concat(_extraGroups)
            .ToDictionary(g => g.Name, g => new DemoIdpGroup { ImmutableId = g.Key, DisplayName = g.Name, Domain = g.Domain, CreatedAt = now });
        db.Groups.AddRange(groups.Values);

        var people = DemoDirectory.Users.Select(u => (u.Email, u.Name, Groups: _engineers.Contains(u.Email) ? [.. u.Groups, "acme-engineering"] : u.Groups))
            .Concat(_extraPeople);
        foreach (var (email, name, memberOf) in people)
        {
            var person = new DemoIdpPerson { ImmutableId = DemoDirectory.ExternalIdOf(email), DisplayName = name, CreatedAt = now };
            person.ChangeEmail(email);
            db.People.Add(person);
            foreach (var group in memberOf)
            {
                groups[group].Members.Add(new DemoIdpGroupMember { GroupId = groups[group].Id, PersonId = person.Id });
            }
        }
    }
}
