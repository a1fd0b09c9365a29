using System.Globalization;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Provisioning;

// One record per reason the settings page can refuse a save; each message says how to fix it.

/// <summary>The mode is not available here: <see cref="Availability"/> carries the rule (a code and the parent's plan) and its English words.</summary>
public sealed record ModeNotAvailable(ModeAvailability Availability) : NotAllowedError(Availability.ReasonUnavailable ?? "")
{
    public ProvisioningMode Mode => Availability.Mode;
}

public sealed record BreakGlassChangeNotAllowed(string Who)
    : NotAllowedError($"Clearing or replacing the break-glass owner is for {Who}: they are how this organization gets back in when its IdP goes wrong.");

public sealed record WouldLockOutActingPerson(string RoleName, string OrganizationName, bool AtNextSignIn)
    : ConflictError($"After this change you would no longer be {RoleName} of {OrganizationName}{(AtNextSignIn ? " at your next sign-in" : "")}. " +
        $"Add yourself to a group mapped to {RoleName} first, or designate yourself as the break-glass owner.");

public sealed record WouldLeaveNoTopRole(string RoleName, string OrganizationName)
    : ConflictError($"{OrganizationName} would have no active {RoleName} left. Map a group you are in to {RoleName}, or keep the current settings.");

public sealed record ScimWithNoAssignedPeople()
    : ConflictError("Directory sync (SCIM) would deprovision everyone: nobody is assigned to the IdP app yet. " +
        "Assign people to the app in your IdP and let it push them, then save.");

public sealed record MappingsWithoutRoleMapping()
    : InvalidInputError("roleMappings", "Advanced group mappings are on but no group is mapped to a role, so nobody would get in. Add a role mapping, or turn the mappings off.");

public sealed record StaleDraft()
    : ConflictError("Someone saved these settings while you were editing. Reload the page to see their changes, then make yours again.");

public sealed record ConfirmationRequired(int AffectedPeople)
    : InvalidInputError("confirmation", $"This change removes or demotes {AffectedPeople.ToString("N0", CultureInfo.InvariantCulture)} other {(AffectedPeople == 1 ? "person" : "people")}. Type {AffectedPeople} to confirm.");

/// <summary>An apply through the API whose dry run no longer holds: the directory, the settings or the mappings changed since.</summary>
public sealed record DryRunOutdated()
    : ConflictError("The directory or the settings changed since this dry run, so nothing was saved. Review the new dry run, then apply it with its fingerprint.");
