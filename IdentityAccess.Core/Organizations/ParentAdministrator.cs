using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// A person who governs a parent organization: its SSO connection, domains, SCIM directory and which organizations are
/// joined. Independent of any role in its organizations, so the top role of one organization cannot change what its
/// siblings depend on. The parent's creator is the first; a parent always keeps at least one.
/// </summary>
public sealed class ParentAdministrator
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public Guid PersonId { get; init; }

    public Person? Person { get; init; }

    public DateTimeOffset GrantedAt { get; init; }

    /// <summary>Who granted it, as the audit log names them ("Demo seed", a person's name, the operator).</summary>
    public string GrantedBy { get; init; } = "";
}
