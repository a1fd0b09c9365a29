using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Organizations;

/// <summary>What a creation made (the parent's and the organization's ids), or why nothing was made.</summary>
public sealed record CreatedOrganization(Guid ParentId, Guid OrganizationId, Error? Refusal)
{
    public static CreatedOrganization Refused(Error refusal) => new(Guid.Empty, Guid.Empty, refusal);
}
