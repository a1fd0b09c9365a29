using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.People;

/// <summary>
/// The email domains a parent organization has verified: the people its directory (SCIM) and its IdP (JIT) may create,
/// link and change. Anyone else, another tenant's person or an address nobody proved, is never theirs to touch: people
/// are global by email, so this is what keeps one parent's IdP away from another's people.
/// </summary>
internal sealed class ParentDomains
{
    private readonly HashSet<string> _verified;

    private ParentDomains(Guid parentId, IEnumerable<string> verified) => (ParentId, _verified) = (parentId, new HashSet<string>(verified, StringComparer.Ordinal));

    public Guid ParentId { get; }

    /// <summary>Read in the caller's transaction, once per request: a domain removed meanwhile counts from the next one.</summary>
    public static async Task<ParentDomains> LoadAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        new(parentId, await db.VerifiedDomains.AsNoTracking().Where(d => d.ParentOrganizationId == parentId && d.Status == DomainStatus.Verified)
            .Select(d => d.Domain).ToListAsync(cancellationToken));

    /// <summary>A well-formed address whose domain this parent verified.</summary>
    public bool Owns(string? email) => EmailAddress.DomainIfWellFormed(email) is { } domain && _verified.Contains(domain);

    /// <summary>E.g. "acme.test, acme.example", for a refusal that says which domains would do.</summary>
    public bool AnyVerified => _verified.Count > 0;

    public string Describe() => _verified.Count == 0 ? "none verified yet" : string.Join(", ", _verified.Order(StringComparer.Ordinal));
}
