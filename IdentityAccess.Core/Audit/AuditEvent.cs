namespace IdentityAccess.Core.Audit;

/// <summary>Who changed what, before and after, when. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? ParentOrganizationId { get; init; }

    public Guid? OrganizationId { get; init; }

    /// <summary>The person who acted; null for the system (sync, seeding, the operator command line).</summary>
    public Guid? ActorPersonId { get; init; }

    /// <summary>The actor as shown, kept as text so the entry stays readable if the person is later changed.</summary>
    public required string Actor { get; init; }

    /// <summary>The management API key the actor used, as the log names keys; null for the portal and the system.</summary>
    public string? ViaApiKey { get; init; }

    /// <summary>A stable dotted name, e.g. <c>membership.role_changed</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What was changed, as shown (an email, an organization name).</summary>
    public required string Target { get; init; }

    /// <summary>JSON of the changed fields before the change; null when something was created.</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the changed fields after the change; null when something was removed.</summary>
    public string? After { get; init; }
}
