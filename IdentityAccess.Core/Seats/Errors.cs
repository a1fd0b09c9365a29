using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Seats;

// One record per reason a seat purchase can be refused; each message says what to do instead.

public sealed record SeatsInUse(int InUse) : InvalidInputError("purchased", $"{InUse} seats are in use; you cannot go below {InUse}.");
