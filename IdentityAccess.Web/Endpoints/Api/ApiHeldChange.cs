using IdentityAccess.Core.Provisioning.Safety;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A change the mass-change safeguard held, as the Identity and access page lists it for review: the person, the kind of
/// change (<c>Deprovision</c>, <c>Suspend</c>, <c>Demote</c>...), what the IdP asked and by which path, since when, and
/// the engine's reasons (code and English).
/// </summary>
internal sealed record ApiHeldChange(Guid PersonId, string Email, string Name, string Change, string Asked, string Path, string? FromRole,
    string? ToRole, DateTimeOffset HeldAt, IReadOnlyList<ApiReason> Reasons)
{
    public static ApiHeldChange From(StagedRemovalView held) => new(held.PersonId, held.Email, held.DisplayName, held.Change.ToString(), held.Asked,
        held.Path, held.FromRole?.ToString(), held.ToRole?.ToString(), held.StagedAt, [.. held.Reasons.Select(r => new ApiReason(r.Code.ToString(), r.Text))]);
}

/// <summary>
/// A change to a top-role holder (an Owner's removal or demotion) held until someone decides it: applied with the person's
/// email typed, or kept (the person stays as they are, their role kept by hand).
/// </summary>
internal sealed record ApiHeldTopRoleChange(Guid Id, Guid PersonId, string Email, string Name, string Change, string Asked, string FromRole,
    string? ToRole, string ToStatus, string RequestedBy, DateTimeOffset HeldAt, IReadOnlyList<ApiReason> Reasons)
{
    public static ApiHeldTopRoleChange From(HeldTopRoleChangeView held) => new(held.Id, held.PersonId, held.Email, held.DisplayName, held.Change.ToString(),
        held.Asked, held.FromRole.ToString(), held.ToRole?.ToString(), held.ToStatus.ToString(), held.RequestedBy, held.HeldAt,
        [.. held.Reasons.Select(r => new ApiReason(r.Code.ToString(), r.Text))]);
}

/// <summary>What applying or discarding the held changes did: memberships changed now (apply), or people kept as they are (discard).</summary>
internal sealed record ApiHeldChangesDecided(int Count);
