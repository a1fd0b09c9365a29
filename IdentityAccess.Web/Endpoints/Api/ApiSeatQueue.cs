using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// One page of an organization's seat queue, first waiting first, as the members page shows it: the people waiting for a
/// seat (<paramref name="Total"/> of them in all) and the seats of each tier, bought, in use, free and waited for.
/// </summary>
internal sealed record ApiSeatQueue(IReadOnlyList<ApiWaitingPerson> Items, string? NextCursor, int Total, IReadOnlyList<ApiSeatUsage> Seats)
{
    public static ApiSeatQueue From(SeatQueue queue, string? nextCursor, IReadOnlyList<SeatUsage> seats) =>
        new([.. queue.Waiting.Select(w => new ApiWaitingPerson(w.Position, w.PersonId, w.Email, w.DisplayName, w.Tier?.ToString(), w.WaitingSince))],
            nextCursor, queue.Total, [.. seats.Select(ApiSeatUsage.From)]);
}

/// <summary>A person waiting for a seat: their place in the queue and the tier they wait for (null: any, or a Console organization's untiered seat).</summary>
internal sealed record ApiWaitingPerson(int Position, Guid PersonId, string Email, string Name, string? Tier, DateTimeOffset Since);

/// <summary>The seats of one tier (null: a Console organization's untiered seats).</summary>
internal sealed record ApiSeatUsage(string? Tier, int Purchased, int Used, int Free, int Pending)
{
    public static ApiSeatUsage From(SeatUsage seats) => new(seats.Tier?.ToString(), seats.Purchased, seats.Used, seats.Free, seats.Pending);
}
