namespace IdentityAccess.Core.Sso.Domains;

/// <summary>What checking a domain's TXT record found. Stored by name: add codes rather than rename them.</summary>
public enum DomainCheckCode
{
    Found,

    /// <summary>{0}: the domain.</summary>
    TxtRecordMissing,

    /// <summary>{0}: how many TXT records, {1}: the domain, {2}: the value expected.</summary>
    TxtRecordDifferent,
    VerifiedElsewhere,

    /// <summary>{0}: the domain.</summary>
    DomainDoesNotExist,

    /// <summary>{0}: DNS's error, as DnsClient words it.</summary>
    DnsError,

    /// <summary>{0}: why there was no answer, as DnsClient words it.</summary>
    DnsNoAnswer,
}
