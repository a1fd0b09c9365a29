using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// What the IdP's group mappings will set a person back to after a role or tier changed by hand: the next directory
/// sync (or, under JIT, the person's next sign-in) applies what their groups grant. Null parts hold: nothing maps
/// them, the person is not managed by the IdP, or the change already matches what the groups grant.
/// </summary>
public sealed record HandChangeReversal(Role? Role, SeatTier? Tier, bool AtNextSignIn)
{
    /// <summary>
    /// Read from "Why this role?" (the engine's outcome for the person under the saved settings), so the warning and
    /// the next sync cannot disagree. The break-glass owner is never changed by mappings.
    /// </summary>
    public static HandChangeReversal? Of(RoleExplanation? explanation, Role role, SeatTier? tier)
    {
        if (explanation is not { Settings: { UsesMappings: true } settings, Outcome: { Desired: { } desired } outcome }
            || desired.Source == MembershipSource.Manual
            || (settings.BreakGlassPersonId is { } breakGlass && breakGlass == outcome.Person.PersonId))
        {
            return null;
        }

        Role? roleBack = settings.RoleMappings.Count > 0 && desired.Role != role ? desired.Role : null;
        SeatTier? tierBack = settings.TierMappings.Count > 0 && desired.Tier is { } desiredTier && desiredTier != tier ? desiredTier : null;
        return roleBack is null && tierBack is null ? null : new HandChangeReversal(roleBack, tierBack, outcome.AtNextSignIn);
    }
}
