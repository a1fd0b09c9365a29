using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Provisioning;

public sealed record RemovalGraceOutOfRange(int Days)
    : InvalidInputError("removalGraceDays", $"The grace period is 0 to {ParentOrganization.MaxRemovalGraceDays} days ({Days} was given); 0 removes deactivated users at once.");
