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
        var entry = new AuditEvent
        {
            OccurredAt = time.GetUtcNow(),
            ActorPersonId = actor.PersonId,
            Actor = actor.Name,
            Action = action,
            Target = target,
            Before = before is null ? null : JsonSerializer.Serialize(before, _json),
            After = after is null ? null : JsonSerializer.Serialize(after, _json),
            OrganizationId = organizationId,
            ParentOrganizationId = parentOrganizationId,
        };
        db.AuditEvents.Add(entry);
        return entry;
    }
}
