using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Audit;

/// <summary>
/// The targets that stand for a person in the audit log. Entries name a person by their email as it was stored
/// (<c>Person.Email</c>, case kept), so an address typed in another case is matched through the person's stored one;
/// exact values keep the filter on an index.
/// </summary>
internal static class AuditSubject
{
    public static async Task<IReadOnlyCollection<string>?> TargetsAsync(IdentityAccessDbContext db, string? person, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(person))
        {
            return null;
        }

        var typed = person.Trim();
        var normalized = EmailAddress.Normalize(typed);
        var stored = await db.People.AsNoTracking().Where(p => p.NormalizedEmail == normalized).Select(p => p.Email).ToListAsync(cancellationToken);
        return new HashSet<string>(stored.Append(typed).Append(typed.ToLowerInvariant()), StringComparer.Ordinal);
    }
}
