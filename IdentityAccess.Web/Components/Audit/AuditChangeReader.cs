using System.Text.Encodings.Web;
using System.Text.Json;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Web.Components.Audit;

/// <summary>
/// Reads an audit entry's stored before and after (<c>AuditLog.Create</c>'s JSON) into the fields that changed. Writers
/// differ: the plan applier stores its enums as numbers (<c>{"Role":5,"SeatTier":1,"Status":0}</c>), the member
/// commands as names (<c>{"Role":"Admin","Tier":"Premium","Status":"Active"}</c>), so each known field is mapped through
/// its Core enum whichever way it came. Never throws: what it cannot read is <see cref="AuditChange.Unreadable"/>.
/// </summary>
public static class AuditChangeReader
{
    // For people, not for HTML (the page encodes what it shows): quotes, accents and arrows as themselves, not \u0027.
    private static readonly JsonSerializerOptions _pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions _compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AuditChange Read(string action, string? before, string? after)
    {
        if (Fields(action, before) is not { } was || Fields(action, after) is not { } now)
        {
            return AuditChange.Unreadable;
        }

        var changes = new List<AuditFieldChange>();
        foreach (var (field, value) in was)
        {
            var next = now.Find(f => f.Field == field).Value;
            if (next is null)
            {
                changes.Add(new(field, value, null));
            }
            else if (!Equals(value, next))
            {
                changes.Add(new(field, value, next));
            }
        }

        changes.AddRange(now.Where(f => !was.Exists(w => w.Field == f.Field)).Select(f => new AuditFieldChange(f.Field, null, f.Value)));
        // A field that appears or goes as nothing (no tier on a Console member) tells the reader nothing.
        return new(true, [.. changes.Where(c => (c.Before is not null && c.After is not null) || (c.Before ?? c.After) is not AuditValue.None)]);
    }

    /// <summary>The stored JSON indented and unescaped for the raw view; the text as stored when it is not JSON.</summary>
    public static string Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, _pretty);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>The fields of one side in stored order (the first of a repeated name); empty when nothing was stored; null when unreadable.</summary>
    private static List<(string Field, AuditValue Value)>? Fields(string action, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = new List<(string Field, AuditValue Value)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = FieldName(property.Name);
                if (!fields.Exists(f => f.Field == field))
                {
                    fields.Add((field, ValueOf(action, field, property.Value)));
                }
            }

            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The member commands write "Tier", the plan applier "SeatTier": one field for the reader.
    private static string FieldName(string stored) => stored == "Tier" ? "SeatTier" : stored;

    private static AuditValue ValueOf(string action, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => new AuditValue.None(),
        JsonValueKind.True => new AuditValue.Flag(true),
        JsonValueKind.False => new AuditValue.Flag(false),
        JsonValueKind.Array => new AuditValue.List([.. value.EnumerateArray().Select(TextOf)]),
        JsonValueKind.String or JsonValueKind.Number => Named(action, field, value) ?? new AuditValue.Text(TextOf(value)),
        JsonValueKind.Object => new AuditValue.Text(TextOf(value)),
        _ => new AuditValue.Text(value.GetRawText()),
    };

    /// <summary>A known enum field by its name, whether stored as the name or as the number; null when it is neither.</summary>
    private static AuditValue? Named(string action, string field, JsonElement value) => field switch
    {
        "Role" or "RoleOverride" when As<Role>(value) is { } role => new AuditValue.Text(RoleCatalog.DisplayName(role)),
        "SeatTier" when As<SeatTier>(value) is { } tier => new AuditValue.Text(tier.ToString()),
        "Mode" when As<ProvisioningMode>(value) is { } mode => new AuditValue.Mode(mode),
        // "Status" is a membership's on membership entries and a domain's on domain entries.
        "Status" when action.StartsWith("membership.", StringComparison.Ordinal) && As<MembershipStatus>(value) is { } status => new AuditValue.Status(status),
        "Status" when action.StartsWith("domain.", StringComparison.Ordinal) && As<DomainStatus>(value) is { } domain => new AuditValue.Text(domain.ToString()),
        _ => null,
    };

    private static T? As<T>(JsonElement value) where T : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt32(out var number) && Enum.IsDefined(typeof(T), number) ? (T)Enum.ToObject(typeof(T), number) : null;
        }

        // Names only: Enum.TryParse would also take "5", and any letters' case; a role's display name ("Claude Code User") is kept as it is.
        var text = value.GetString();
        return text is not null && Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<T>(text) : null;
    }

    private static string TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(value, _compact),
        _ => value.GetRawText(),
    };
}
