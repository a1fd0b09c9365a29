namespace IdentityAccess.Core.Sso.Domains;

/// <summary>
/// The TXT value of a domain a parent removed, kept for <see cref="KeptFor"/>: re-adding the domain in that time gives
/// the same value back, so the record still published at the DNS provider verifies it again without a DNS change.
/// Only for the same parent: another parent adding the domain gets a value of its own.
/// </summary>
public sealed class RemovedDomainChallenge
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public required string Domain { get; init; }

    public required string Challenge { get; init; }

    public DateTimeOffset RemovedAt { get; init; }
}
