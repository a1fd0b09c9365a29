using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A domain a test's parent owns. .test names never resolve in public DNS, so it is seeded as verified, as the demo
/// seeds acme.test.
/// </summary>
public static class SeededDomains
{
    public static VerifiedDomain Verified(Guid parentId, string domain, DateTimeOffset at) => new()
    {
        ParentOrganizationId = parentId,
        Domain = domain,
        Challenge = DomainChallenge.NewChallenge(),
        Status = DomainStatus.Verified,
        CreatedAt = at,
        VerifiedAt = at,
        LastCheckResult = "Seeded by the test.",
    };
}
