using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// Never zero top role: an organization that has an active member in its top role (chat Owner, Console Admin) keeps
/// one, whatever its IdP asks. When a plan would leave none, one of those who have it now is kept as they are and
/// their change is held for a top role or a parent admin to apply or keep. Settings saves and hand edits refuse such
/// a change instead (the save guard reads <see cref="ProvisioningPlan.HeldTopRole"/>), since a person is there to read why.
/// </summary>
internal static class TopRoleKeeper
{
    /// <summary>
    /// Who to keep, or null when the plan leaves an active top-role member (or the organization has none to keep).
    /// Someone already held comes first, so a hold stays on the same person; then the longest in their status, then
    /// by email: the same answer on every path.
    /// </summary>
    public static KnownPerson? Choose(ProvisioningInput input, ProvisioningPlan plan)
    {
        if (input.TopRoleHeldOutsideInput)
        {
            return null;
        }

        var top = RoleCatalog.TopRole(input.Organization.Product);
        List<KnownPerson>? candidates = null;
        foreach (var outcome in plan.Outcomes)
        {
            var person = outcome.Person;
            // A removal the mass-removal breaker staged still counts as leaving: approving it must not be what empties the top role.
            var stagedForRemoval = person.PersonId is { } id && input.HeldBack.Contains(id);
            if (outcome.IsActiveMember && outcome.Desired!.Role == top && !stagedForRemoval)
            {
                return null;
            }

            if (person.Membership is { Status: MembershipStatus.Active } current && current.Role == top && person.PersonId is not null && !stagedForRemoval)
            {
                (candidates ??= []).Add(person);
            }
        }

        return candidates?
            .OrderBy(p => input.HeldTopRole.Contains(p.PersonId!.Value) ? 0 : 1)
            .ThenBy(p => p.Membership!.StatusChangedAt)
            .ThenBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .First();
    }

    public static OutcomeReason Reason(OrganizationFacts organization) =>
        OutcomeReason.Of(ReasonCode.LastTopRole, RoleCatalog.DisplayName(RoleCatalog.TopRole(organization.Product)), organization.Name);

    /// <summary>The kept person's outcome: as they are, with what was asked of them.</summary>
    public static PersonOutcome Held(PersonOutcome kept, PersonOutcome asked) => kept with
    {
        Reasons = [.. kept.Reasons, OutcomeReason.Of(ReasonCode.IdpAsked, asked.Reasons)],
        HeldTopRole = new AskedChange(asked.Desired, asked.Changes, asked.Reasons, asked.AtNextSignIn),
    };
}
