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
        object? before, object? after, Guid? organizationId = null, Guid? parentOrganizationId = null) => new()
        {
            OccurredAt = time.GetUtcNow(),
            ActorPersonId = actor.PersonId,
            Actor = actor.Name,
            ViaApiKey = actor.ViaApiKey,
            Action = action,
            Target = target,
            Before = before is null ? null : JsonSerializer.Serialize(before, _json),
            After = after is null ? null : JsonSerializer.Serialize(after, _json),
            OrganizationId = organizationId,
            ParentOrganizationId = parentOrganizationId,
        };
}
