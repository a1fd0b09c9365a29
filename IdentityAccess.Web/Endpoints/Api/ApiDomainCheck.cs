using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>What a check of a domain's TXT record found.</summary>
/// <param name="Code">
/// <c>Found</c>, <c>TxtRecordMissing</c>, <c>TxtRecordDifferent</c>, <c>VerifiedElsewhere</c>, <c>DomainDoesNotExist</c>,
/// <c>DnsError</c>, <c>DnsNoAnswer</c>; null for a domain checked before the portal kept codes (its sentence only).
/// </param>
/// <param name="Detail">The same in English, as the command line says it.</param>
internal sealed record ApiDomainCheck(string? Code, string Detail)
{
    public static ApiDomainCheck? From(string? stored) => stored is null ? null
        : DomainCheckResult.Read(stored) is { } result ? new(result.Code.ToString(), result.English)
        : new(null, stored);
}
