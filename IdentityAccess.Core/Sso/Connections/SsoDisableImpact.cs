using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>What turning "Sign in with this IdP" off would change, shown before it happens.</summary>
/// <param name="PeopleSigningInThroughIdp">
/// Active members of the parent's organizations who have signed in through this IdP: the sign-in page stops sending
/// them there (it offers a link by email instead, when the portal sends email, so the IdP no longer decides).
/// </param>
/// <param name="OrganizationsInJit">Organizations in Just in time (JIT) mode: nobody new is provisioned at sign-in.</param>
public sealed record SsoDisableImpact(int PeopleSigningInThroughIdp, IReadOnlyList<string> OrganizationsInJit)
{
    /// <summary>Anyone who signs in through the IdP today: the count typed to confirm, as a large removal's is, checked on the server too.</summary>
    public bool NeedsTypedConfirmation => PeopleSigningInThroughIdp > 0;

    public bool IsConfirmedBy(int? typed) => !NeedsTypedConfirmation || typed == PeopleSigningInThroughIdp;

    internal static async Task<SsoDisableImpact> ReadAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        var linked = db.SamlIdentityLinks.Where(l => l.ParentOrganizationId == parentId).Select(l => l.PersonId);
        var people = await db.Memberships.Where(m => m.Organization!.ParentOrganizationId == parentId && m.Status == MembershipStatus.Active
                && linked.Contains(m.PersonId))
            .Select(m => m.PersonId).Distinct().CountAsync(cancellationToken);
        var jit = await db.Organizations.Where(o => o.ParentOrganizationId == parentId && o.ProvisioningMode == ProvisioningMode.Jit)
            .OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken);
        return new SsoDisableImpact(people, jit);
    }
}
