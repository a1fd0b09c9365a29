using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// What happens after a role or tier changed by hand where the IdP's group mappings decide: a role is kept by hand
/// (an override that sync and sign-ins leave until the IdP grants the same role or it is cleared, as
/// <c>MemberAdministration</c> records it), while a tier is set back by the next sync (or, under JIT, the next
/// sign-in) to what the groups grant. Null when neither applies.
/// </summary>
public sealed record HandChangeForecast(Role? RoleKeptByHand, SeatTier? TierSetBack, bool AtNextSignIn)
{
    /// <summary>
    /// Read from "Why this role?" (the engine's outcome for the person under the saved settings), so the dialog and the
    /// next sync cannot disagree. The break-glass owner is never changed by mappings.
    /// </summary>
    public static HandChangeForecast? Of(RoleExplanation? explanation, Role role, SeatTier? tier)
    {
        if (explanation is not { Settings: { UsesMappings: true } settings, Outcome: { Person.Membership: { } current } outcome }
            || !ProvisioningRules.RoleFollowsIdp(settings.Mode, settings.AdvancedGroupMappings, current.Source)
            || (settings.BreakGlassPersonId is { } breakGlass && breakGlass == outcome.Person.PersonId))
        {
            return null;
        }

        Role? kept = role != current.Role ? role : null;
        SeatTier? setBack = settings.TierMappings.Count > 0 && tier != current.Tier && outcome.Desired?.Tier is { } granted && granted != tier ? granted : null;
        return kept is null && setBack is null ? null : new HandChangeForecast(kept, setBack, outcome.AtNextSignIn);
    }
}
