using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Seats;

// One record per reason a seat purchase can be refused; each message says what to do instead.

public sealed record SeatsInUse(int InUse) : InvalidInputError("purchased", $"{(InUse == 1 ? "1 seat is" : $"{InUse} seats are")} in use; you cannot go below {InUse}.");
