using IdentityAccess.DemoIdp.Storage;

namespace IdentityAccess.DemoIdp;

/// <summary>The demo IdP's directory as the editing page shows it; groups carry their members' ids.</summary>
public sealed record DemoIdpDirectory(IReadOnlyList<DemoIdpPerson> People, IReadOnlyList<DemoIdpGroup> Groups)
{
    public IEnumerable<string> Domains => People.Select(p => p.Domain).Concat(Groups.Select(g => g.Domain)).Distinct().Order(StringComparer.Ordinal);

    public IEnumerable<DemoIdpGroup> GroupsOf(Guid personId) => Groups.Where(g => g.Members.Exists(m => m.PersonId == personId));
}
