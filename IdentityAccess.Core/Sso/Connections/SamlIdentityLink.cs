namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// Who an IdP's subject is here. The key is (parent, IdP entityID, subject), never the email: emails change and
/// can be reassigned, the subject cannot.
/// </summary>
public sealed class SamlIdentityLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public required string IdpEntityId { get; init; }

    public required string Subject { get; init; }

    public Guid PersonId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
