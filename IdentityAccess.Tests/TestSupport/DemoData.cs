using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>Ids of the seeded demo, looked up by the names the seeder gives them.</summary>
public sealed record DemoData(Guid AcmeChat, Guid AcmeConsole, Guid AcmeLabs, Guid GlobexTeam, IReadOnlyDictionary<string, Guid> PeopleByEmail)
{
    public Guid Person(string email) => PeopleByEmail[email];

    /// <summary>Acme Corporation, the parent of Acme, Acme Console and Acme Labs.</summary>
    public Guid AcmeParent { get; init; }

    /// <summary>Globex, the parent of Globex Team.</summary>
    public Guid GlobexParent { get; init; }

    public static async Task<DemoData> LoadAsync(IdentityAccessDbContext db)
    {
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Email, p => p.Id);
        var parents = await db.ParentOrganizations.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Id);
        return new DemoData(orgs["Acme"], orgs["Acme Console"], orgs["Acme Labs"], orgs["Globex Team"], people)
        {
            AcmeParent = parents["Acme Corporation"],
            GlobexParent = parents["Globex"],
        };
    }
}
