using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Seats;

// One record per reason a seat purchase can be refused; each message says what to do instead.

public sealed record OnlyTopRoleBuysSeats(string RoleName) : Error($"Only the organization's {RoleName}s can buy seats.");

public sealed record SeatsInUse(int InUse) : Error($"{InUse} seats are in use; you cannot go below {InUse}.");
