using System.Collections.Concurrent;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>A membership's role, tier and status: what its audit entry shows as "before".</summary>
internal sealed record MembershipValues(Role Role, SeatTier? SeatTier, MembershipStatus Status)
{
    // Role × tier × status is a few dozen values: a set-based apply of a million people holds one object each, not a million.
    private static readonly ConcurrentDictionary<(Role, SeatTier?, MembershipStatus), MembershipValues> _shared = new();

    public static MembershipValues Of(Role role, SeatTier? tier, MembershipStatus status) =>
        _shared.GetOrAdd((role, tier, status), key => new MembershipValues(key.Item1, key.Item2, key.Item3));
}
