namespace IdentityAccess.Core.Sso.Domains;

/// <summary>
/// An email domain a parent organization claims. Once verified by a DNS TXT record, the sign-in page sends people
/// with this domain to the parent's IdP, and JIT may link an existing member by this email domain.
/// </summary>
public sealed class VerifiedDomain
{
    public const int MaxLastCheckResultLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    /// <summary>Lower-case ASCII (punycode for international names).</summary>
    public required string Domain { get; init; }

    /// <summary>The random value the owner publishes; never reused across claims.</summary>
    public required string Challenge { get; init; }

    public DomainStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>What the last check found, in words an owner can act on.</summary>
    /// <summary>What the last check found: a <see cref="DomainCheckResult"/> in its stored form, or (checked before the codes) an English sentence.</summary>
    public string? LastCheckResult { get; set; }

    /// <summary>The TXT record value the owner must publish on the domain.</summary>
    public string TxtRecordValue => DomainChallenge.RecordValue(Challenge);
}
