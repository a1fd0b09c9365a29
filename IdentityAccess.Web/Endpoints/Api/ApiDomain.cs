using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>One of the parent's email domains, as the domains panel shows it.</summary>
/// <param name="TxtRecord">The record to publish while the domain is pending; null once verified.</param>
/// <param name="LastCheck">What the last "Verify" found; null before the first.</param>
internal sealed record ApiDomain(Guid Id, string Name, string Status, ApiTxtRecord? TxtRecord, DateTimeOffset? VerifiedAt, DateTimeOffset? LastCheckedAt,
    ApiDomainCheck? LastCheck)
{
    public static ApiDomain From(DomainView domain) => new(domain.Id, domain.Domain, domain.Status.ToString(),
        domain.Status == DomainStatus.Pending ? new ApiTxtRecord(domain.Domain, domain.TxtRecordValue) : null, domain.VerifiedAt, domain.LastCheckedAt,
        ApiDomainCheck.From(domain.LastCheckResult));
}
