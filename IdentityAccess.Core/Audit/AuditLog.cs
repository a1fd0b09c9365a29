using System.Text.Json;
using IdentityAccess.Core.Persistence;

namespace IdentityAccess.Core.Audit;

/// <summary>Adds audit events to the caller's unit of work, so an event is saved exactly when its change is.</summary>
public sealed class AuditLog(TimeProvider time)
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    public AuditEvent Record(IdentityAccessDbContext db, AuditActor actor, string action, string target,
        object? before, object? after, Guid? organizationId = null, Guid? parentOrganizationId = null)
    {
        var entry = Create(actor, action, target, before, after, organizationId, parentOrganizationId);
        db.AuditEvents.Add(entry);
        return entry;
    }

    /// <summary>
    /// The event <see cref="Record"/> adds, for a writer that inserts many at once without tracking them (a plan
    /// applied to thousands of people): the same content whichever way it is saved.
    /// </summary>
    public AuditEvent Create(AuditActor actor, string action, string target,
        object? before, object? after, Guid? organizationId = null, Guid? parentOrganizationId = null) =>
        CreateSerialized(actor, action, target, before is null ? null : Json(before), after is null ? null : Json(after), organizationId, parentOrganizationId);

    /// <summary>
    /// The same event with its before and after already in <see cref="Json"/>: a writer of many entries that share
    /// values (a mass change) serializes each distinct value once.
    /// </summary>
    public AuditEvent CreateSerialized(AuditActor actor, string action, string target,
        string? before, string? after, Guid? organizationId = null, Guid? parentOrganizationId = null) => new()
        {
            OccurredAt = time.GetUtcNow(),
            ActorPersonId = actor.PersonId,
            Actor = actor.Name,
            ViaApiKey = actor.ViaApiKey,
            Action = action,
            Target = target,
            Before = before,
            After = after,
            OrganizationId = organizationId,
            ParentOrganizationId = parentOrganizationId,
        };

    /// <summary>A before or after value as the log stores it.</summary>
    public static string Json(object value) => JsonSerializer.Serialize(value, _json);
}
