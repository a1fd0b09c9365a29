using System.Text.Json;
using IdentityAccess.Core.Audit;

namespace IdentityAccess.Web.Endpoints.Api.Logs;

/// <summary>
/// An audit log entry as the API shows it: the export's fields, camel-cased. <c>scope</c> is <c>parent</c> for what was
/// done to the parent (SSO, SCIM, domains) and <c>organization</c> otherwise; <c>before</c> and <c>after</c> are the
/// changed fields as JSON objects (null when something was created or removed).
/// </summary>
internal sealed record ApiAuditEntry(Guid Id, DateTimeOffset OccurredAt, string Scope, string Actor, Guid? ActorPersonId, string? ViaApiKey,
    string Action, string Target, JsonElement? Before, JsonElement? After)
{
    public static ApiAuditEntry From(AuditEvent entry) => new(entry.Id, entry.OccurredAt, entry.OrganizationId is null ? "parent" : "organization",
        entry.Actor, entry.ActorPersonId, entry.ViaApiKey, entry.Action, entry.Target, Stored(entry.Before), Stored(entry.After));

    // As the JSON export: the stored value as itself, or as a string should it not parse.
    private static JsonElement? Stored(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
