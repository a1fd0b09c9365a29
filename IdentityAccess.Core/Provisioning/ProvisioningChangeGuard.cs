using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Refuses the saves the help article warns about: deprovisioning people by accident and owners locking
/// themselves out. Pure: it reads the engine's plan for the draft.
/// </summary>
public static class ProvisioningChangeGuard
{
    public static IReadOnlyList<Error> Check(ProvisioningInput input, ProvisioningPlan plan, Guid actingPersonId)
    {
        var errors = new List<Error>();
        var organization = input.Organization;
        var settings = input.Settings;
        var topRole = RoleCatalog.DisplayName(RoleCatalog.TopRole(organization.Product));

        if (ProvisioningModePolicy.Check(settings.Mode, organization.Plan, organization.ParentPlan) is { IsAllowed: false } unavailable)
        {
            errors.Add(new ModeNotAvailable(unavailable));
        }

        errors.AddRange(settings.RoleMappings.Select(m => RoleCatalog.CheckRole(organization.Product, m.Role)).OfType<Error>().Distinct());
        if (settings.TierMappings.Count > 0 && RoleCatalog.TiersOf(organization.Product).Count == 0)
        {
            errors.Add(new ValidationFailed("tier", ValidationRule.NoSeatTierMappings));
        }

        if (settings.UsesMappings && settings.RoleMappings.Count == 0)
        {
            errors.Add(new MappingsWithoutRoleMapping());
        }

        if (settings.Mode == ProvisioningMode.Scim && !input.ActiveDirectoryUserOutsideInput && !input.People.Any(p => p.Directory == DirectoryPresence.Active))
        {
            errors.Add(new ScimWithNoAssignedPeople());
        }

        var acting = plan.For(actingPersonId);
        if (acting?.Person.Membership?.Role == RoleCatalog.TopRole(organization.Product) && !KeepsTopRole(acting, organization))
        {
            errors.Add(new WouldLockOutActingPerson(topRole, organization.Name, acting.HeldTopRole?.AtNextSignIn ?? acting.AtNextSignIn));
        }

        // The engine keeps a last top-role member as they are (held) on every path; a settings save refuses instead.
        if (plan.TopRoleHolders.Count == 0 || plan.HeldTopRole.Count > 0)
        {
            errors.Add(new WouldLeaveNoTopRole(topRole, organization.Name));
        }

        return errors;
    }

    /// <summary>How many other people lose access or rank: the number the owner types to confirm.</summary>
    public static int AffectedOthers(ProvisioningPlan plan, Guid actingPersonId) =>
        plan.Outcomes.Count(o => o.Person.PersonId != actingPersonId && o.Changes.Any(IsHarmful));

    public static bool IsHarmful(ChangeKind change) => change switch
    {
        ChangeKind.Deprovision or ChangeKind.Demote or ChangeKind.Suspend or ChangeKind.BlockSignIn => true,
        ChangeKind.Provision or ChangeKind.Promote or ChangeKind.TierChange or ChangeKind.BecomePending
            or ChangeKind.Admit or ChangeKind.Restore => false,
    };

    private static bool KeepsTopRole(PersonOutcome acting, Engine.OrganizationFacts organization) =>
        acting.IsActiveMember && acting.Desired!.Role == RoleCatalog.TopRole(organization.Product) && acting.HeldTopRole is null;
}
