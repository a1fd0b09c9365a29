using System.Globalization;
using System.Text.Json.Serialization;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// One reason the rule engine gives for an outcome: a <see cref="ReasonCode"/> and the values it names (group, role,
/// tier, organization and people names as they are; <see cref="DateOnly"/> dates; whole numbers; for
/// <see cref="ReasonCode.IdpAsked"/> the asked change's own reasons). The English <see cref="Text"/> is built only
/// when asked for (the audit trail, the logs, the command line); the portal says it in the reader's language.
/// </summary>
[JsonConverter(typeof(OutcomeReasonJsonConverter))]
public sealed record OutcomeReason
{
    // Reasons without values are the same object every time: a large directory allocates none for them.
    private static readonly OutcomeReason[] _plain = [.. Enum.GetValues<ReasonCode>().Select(code => new OutcomeReason(code, []))];

    private OutcomeReason(ReasonCode code, IReadOnlyList<object?> arguments) => (Code, Arguments) = (code, arguments);

    public ReasonCode Code { get; }

    public IReadOnlyList<object?> Arguments { get; }

    public static OutcomeReason Of(ReasonCode code) => _plain[(int)code];

    public static OutcomeReason Of(ReasonCode code, params object?[] arguments) => arguments.Length == 0 ? Of(code) : new(code, arguments);

    /// <summary>The sentence in English, with its values filled in.</summary>
    public string Text => string.Format(CultureInfo.InvariantCulture, English(Code), [.. Arguments.Select(EnglishValue)]);

    public override string ToString() => Text;

    public bool Equals(OutcomeReason? other) => other is not null && Code == other.Code && Arguments.SequenceEqual(other.Arguments, ArgumentComparer.Instance);

    public override int GetHashCode() => ContentHash();

    /// <summary>The code and every value (an asked change's reasons item by item): equal reasons hash alike, as <see cref="Equals(OutcomeReason?)"/> compares them.</summary>
    internal int ContentHash()
    {
        var hash = new HashCode();
        hash.Add(Code);
        foreach (var argument in Arguments)
        {
            if (argument is IEnumerable<OutcomeReason> reasons)
            {
                foreach (var reason in reasons)
                {
                    hash.Add(reason.ContentHash());
                }
            }
            else
            {
                hash.Add(argument);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>How a value reads in the English sentence; the portal fills the same places in its own way.</summary>
    private static string EnglishValue(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<OutcomeReason> reasons => string.Join(" ", reasons.Select(r => r.Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The English of each code, with the placeholders its values fill; the portal's Portal.resx says the same.</summary>
    public static string English(ReasonCode code) => code switch
    {
        ReasonCode.BreakGlassOwner => "Break-glass owner: exempt from sync and group mappings, so an owner can always get in.",
        ReasonCode.LastTopRole => "Last {0} of {1}: kept so {1} keeps an {0}; an {0} or a parent admin applies or keeps it on Identity and access.",
        ReasonCode.InvitedByHand => "Invited by hand: keeps the seat reserved for them until they accept, or the invitation is revoked or expires.",
        ReasonCode.HeldBySafeguard => "Change held by the mass-change safeguard: keeps their access and role until the held changes are applied or discarded on the Identity and access page.",
        ReasonCode.ManualMember => "Manual provisioning: role and tier are changed by hand.",
        ReasonCode.ManualNotMember => "Manual provisioning: people are added by hand.",
        ReasonCode.JitNoMappingsCanSignIn => "JIT without group mappings: everyone assigned to the IdP app can sign in.",
        ReasonCode.JitWaitingForSeatNow => "JIT: waiting for a seat; given one at this sign-in if one is free.",
        ReasonCode.JitWaitingForSeatNext => "JIT: waiting for a seat; given one at their next sign-in if one is free.",
        ReasonCode.JitByHand => "JIT: role and tier are changed by hand.",
        ReasonCode.JitFirstSignIn => "JIT: provisioned at first sign-in as User.",
        ReasonCode.JitWhenTheySignIn => "JIT: provisioned when they first sign in through SSO.",
        ReasonCode.JitGroupsUnknown => "JIT with group mappings: their groups are unknown until they next sign in through SSO.",
        ReasonCode.JitWhenTheySignInMapped => "JIT: provisioned when they first sign in through SSO, if in a mapped group.",
        ReasonCode.NoGroupAtLastSignIn => "In no group mapped to a role of {0} at their last sign-in: not provisioned.",
        ReasonCode.MappedAtNextSignIn => "Now in a mapped group: provisioned at their next sign-in.",
        ReasonCode.GroupOverage => "The IdP sent too many groups to list them (Entra group overage): the lowest role until it sends only the groups assigned to the app.",
        ReasonCode.JitUpdatedAtNextSignIn => "JIT: role and tier are updated at their next sign-in.",
        ReasonCode.JitRecomputedNow => "JIT: role and tier recomputed at this sign-in.",
        ReasonCode.NoGroupLoginBlocked => "In no group mapped to a role: cannot sign in, but stays listed until removed.",
        ReasonCode.NoGroupNotProvisioned => "In no group mapped to a role of {0}: not provisioned.",
        ReasonCode.ScimAddedByHand => "Added by hand after SCIM was enabled: sync only removes what sync granted.",
        ReasonCode.NotAssignedRemoved => "Not assigned to the IdP app: removed by directory sync.",
        ReasonCode.NotAssigned => "Not assigned to the IdP app.",
        ReasonCode.DeactivatedInIdp => "Deactivated in the IdP.",
        ReasonCode.ScimByHand => "Directory sync (SCIM): role and tier are changed by hand.",
        ReasonCode.ScimAssignedAsUser => "Assigned to the IdP app: provisioned by directory sync as User.",
        ReasonCode.ScimFollowsGroups => "Directory sync: role and tier follow group membership.",
        ReasonCode.NoGroupRemoved => "In no group mapped to a role: removed when group access is revoked.",
        ReasonCode.AssignedNoGroup => "Assigned to the IdP app but in no group mapped to a role of {0}.",
        ReasonCode.DeactivatedSuspended => "Deactivated in the IdP: suspended, seat freed, role and tier kept.",
        ReasonCode.DeactivatedRemoved => "Deactivated in the IdP on {1} and not reactivated within the {0}-day grace period: removed.",
        ReasonCode.DeactivatedRemovedOn => "Deactivated in the IdP: suspended, seat freed, role and tier kept; removed on {0} unless reactivated.",
        ReasonCode.GroupRole => "Group {0}.",
        ReasonCode.GroupsRole => "Groups {0}; the most permissive wins: {1}.",
        ReasonCode.GroupTier => "Seat tier from group {0}.",
        ReasonCode.NoTierGroupKeepsSeat => "In no seat tier group: keeps their {0} seat.",
        ReasonCode.NoFreeTierKeepsSeat => "No free {0} seat: keeps their {1} seat.",
        ReasonCode.NoFreeSeatPending => "No free seat: pending until seats are bought, then admitted in order.",
        ReasonCode.NoFreeTierSeatPending => "No free {0} seat: pending until seats are bought, then admitted in order.",
        ReasonCode.HighestFreeTier => "In no tier group: given the highest tier with a free seat ({0}).",
        ReasonCode.NoFreeSeatInAnyTier => "No free seat in any tier: pending until seats are bought, then admitted in order.",
        ReasonCode.IdpAsked => "The IdP asked: {0}",
        ReasonCode.OverrideCleared => "The IdP now grants {0}, the role kept by hand: the override is cleared.",
        ReasonCode.RoleKeptByHand => "Role kept by hand: {0}; kept until the IdP grants the same role or an {1} clears it.",
        ReasonCode.RoleKeptByHandSetBy => "Role kept by hand: {0}, set by {2}; kept until the IdP grants the same role or an {1} clears it.",
        ReasonCode.RoleKeptByHandSetOn => "Role kept by hand: {0} on {3}; kept until the IdP grants the same role or an {1} clears it.",
        ReasonCode.RoleKeptByHandSetByOn => "Role kept by hand: {0}, set by {2} on {3}; kept until the IdP grants the same role or an {1} clears it.",
        ReasonCode.TestSignInJitNotInPlan => "Set to provision just in time, but the plan does not allow it: sign-in lets existing members in and changes nothing here.",
        ReasonCode.TestSignInExistingOnly => "{0}: sign-in lets existing members in and changes nothing here.",
        ReasonCode.AsRecorded => "{0}",
    };

    // Values compare by value; the asked change's reasons (a list) item by item.
    private sealed class ArgumentComparer : IEqualityComparer<object?>
    {
        public static readonly ArgumentComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is IEnumerable<OutcomeReason> a && y is IEnumerable<OutcomeReason> b
            ? a.SequenceEqual(b)
            : object.Equals(x, y);

        public int GetHashCode(object? obj) => obj?.GetHashCode() ?? 0;
    }
}
