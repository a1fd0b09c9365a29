using System.Globalization;
using System.Text.Json;
using IdentityAccess.Core.Audit;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.Audit;

/// <summary>An organization's audit log, newest first, as CSV (through the portal's one CSV writer) or JSON: the same fields under the same names.</summary>
internal static class AuditLogExport
{
    public static readonly IReadOnlyList<string> Header =
        ["time_utc", "actor", "actor_person_id", "action", "target", "scope", "before", "after", "id", "via_api_key"];

    public static IEnumerable<string?> Cells(AuditEvent entry) =>
    [
        Time(entry),
        entry.Actor,
        entry.ActorPersonId?.ToString(),
        entry.Action,
        entry.Target,
        Scope(entry),
        entry.Before,
        entry.After,
        entry.Id.ToString(),
        entry.ViaApiKey, // last, so scripts that read the columns by position before it was added still read them
    ];

    public static void WriteJson(Utf8JsonWriter json, AuditEvent entry)
    {
        json.WriteString("time_utc", Time(entry));
        json.WriteString("actor", entry.Actor);
        json.WriteString("actor_person_id", entry.ActorPersonId?.ToString());
        json.WriteString("action", entry.Action);
        json.WriteString("target", entry.Target);
        json.WriteString("scope", Scope(entry));
        JsonExport.WriteStoredJson(json, "before", entry.Before);
        JsonExport.WriteStoredJson(json, "after", entry.After);
        json.WriteString("id", entry.Id.ToString());
        json.WriteString("via_api_key", entry.ViaApiKey);
    }

    /// <summary>E.g. <c>acme-console-audit-log-2026-11-23.json</c>.</summary>
    public static string FileName(string organizationName, DateTimeOffset now, string extension) =>
        ExportFiles.Name(organizationName, "organization", "audit-log", now, extension);

    private static string Time(AuditEvent entry) => entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // Events with no organization were done to the parent (SSO, SCIM, domains) and show in each of its organizations' logs.
    private static string Scope(AuditEvent entry) => entry.OrganizationId is null ? "parent" : "organization";
}
