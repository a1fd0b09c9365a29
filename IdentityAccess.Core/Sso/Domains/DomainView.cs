namespace IdentityAccess.Core.Sso.Domains;

/// <summary>One claimed domain as the settings page shows it.</summary>
public sealed record DomainView(Guid Id, string Domain, DomainStatus Status, string TxtRecordValue, DateTimeOffset? VerifiedAt,
    DateTimeOffset? LastCheckedAt, string? LastCheckResult);
