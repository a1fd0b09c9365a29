using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// The shared parts handed out where the rules decide them, so that people in the same situation allocate nothing of
/// their own: before, each got a reason list, a reason and a desired membership that were dropped once an equal one
/// was found (a reactivation of a million allocated ~440 bytes a person, docs/performance.md).
/// </summary>
internal sealed partial class SharedOutcomeParts
{
    // A reason without values is one object already (OutcomeReason.Of); so is the list that holds it alone.
    private static readonly OutcomeReason[][] _alone = [.. Enum.GetValues<ReasonCode>().Select(code => new[] { OutcomeReason.Of(code) })];

    private readonly HashSet<IReadOnlyList<OutcomeReason>> _sharedLists = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(ReasonCode Code, object Value), IReadOnlyList<OutcomeReason>> _aloneWithValue = [];
    private readonly Dictionary<Appended, IReadOnlyList<OutcomeReason>> _appended = [];
    private readonly Dictionary<(Role, SeatTier?, MembershipStatus, MembershipSource), DesiredMembership> _membershipsByValue = [];
    private readonly Dictionary<Target, Target> _targets = [];

    /// <summary>The list of this one reason: the same list every time for a reason without values.</summary>
    public static IReadOnlyList<OutcomeReason> Alone(OutcomeReason reason) =>
        reason.Arguments.Count == 0 ? _alone[(int)reason.Code] : [reason];

    /// <summary>The list of one reason naming one value (the organization's name, a date): one list a distinct value.</summary>
    public IReadOnlyList<OutcomeReason> Alone(ReasonCode code, object value)
    {
        if (_aloneWithValue.TryGetValue((code, value), out var shared))
        {
            return shared;
        }

        shared = Share([OutcomeReason.Of(code, new object?[] { value })]);
        if (_aloneWithValue.Count < MaxDistinct)
        {
            _aloneWithValue[(code, value)] = shared;
        }

        return shared;
    }

    /// <summary><paramref name="reasons"/> and then a reason without values.</summary>
    public IReadOnlyList<OutcomeReason> Append(IReadOnlyList<OutcomeReason> reasons, ReasonCode code) =>
        Append(new Appended(reasons, code, 0, null, null));

    /// <summary><paramref name="reasons"/> and then a reason naming one tier (or none).</summary>
    public IReadOnlyList<OutcomeReason> Append(IReadOnlyList<OutcomeReason> reasons, ReasonCode code, SeatTier? tier) =>
        Append(new Appended(reasons, code, 1, tier, null));

    /// <summary><paramref name="reasons"/> and then a reason naming two tiers.</summary>
    public IReadOnlyList<OutcomeReason> Append(IReadOnlyList<OutcomeReason> reasons, ReasonCode code, SeatTier? first, SeatTier? second) =>
        Append(new Appended(reasons, code, 2, first, second));

    /// <summary>The desired membership with these values: one object for everyone who gets them.</summary>
    public DesiredMembership Membership(Role role, SeatTier? tier, MembershipStatus status, MembershipSource source)
    {
        var key = (role, tier, status, source);
        if (!_membershipsByValue.TryGetValue(key, out var shared))
        {
            shared = new DesiredMembership(role, tier, status, source);
            _membershipsByValue[key] = shared; // role × tier × status × source: a few dozen at most
        }

        return shared;
    }

    /// <summary>
    /// The target equal to this one that the evaluation already holds: a million people "as they are, added by hand"
    /// hold one. Targets compare by value with their reasons by reference, so only targets built on shared lists meet.
    /// </summary>
    public Target Target(Target target)
    {
        if (_targets.TryGetValue(target, out var shared))
        {
            return shared;
        }

        if (_targets.Count < MaxDistinct)
        {
            _targets[target] = target;
        }

        return target;
    }

    private bool IsShared(IReadOnlyList<OutcomeReason> reasons) =>
        _sharedLists.Contains(reasons)
        || (reasons.Count == 1 && reasons[0].Arguments.Count == 0 && ReferenceEquals(_alone[(int)reasons[0].Code], reasons));

    private IReadOnlyList<OutcomeReason> Append(Appended appended)
    {
        // Looked up by the first list's identity, so only for a list this evaluation shares: a person's own list would
        // fill the lookup with one entry a person.
        var shareable = IsShared(appended.Reasons);
        if (shareable && _appended.TryGetValue(appended, out var shared))
        {
            return shared;
        }

        OutcomeReason[] built = [.. appended.Reasons, appended.Reason()];
        if (!shareable)
        {
            return built;
        }

        shared = Share(built);
        if (_appended.Count < MaxDistinct)
        {
            _appended[appended] = shared;
        }

        return shared;
    }

    /// <summary>The list equal to <paramref name="built"/> this evaluation already shares, or <paramref name="built"/> from now on.</summary>
    private IReadOnlyList<OutcomeReason> Share(OutcomeReason[] built)
    {
        if (_reasons.TryGetValue(built, out var shared))
        {
            return shared;
        }

        Keep(built);
        return built;
    }

    // The first list compares by reference (arrays and lists do not override Equals): it is one this evaluation shares.
    private readonly record struct Appended(IReadOnlyList<OutcomeReason> Reasons, ReasonCode Code, int Values, SeatTier? First, SeatTier? Second)
    {
        // As OutcomeReason.Of(code, tier) and Of(code, moveTo, current.Tier) were written: a null tier is still a value.
        public OutcomeReason Reason() => Values switch
        {
            0 => OutcomeReason.Of(Code),
            1 => OutcomeReason.Of(Code, First),
            _ => OutcomeReason.Of(Code, First, Second),
        };
    }
}
