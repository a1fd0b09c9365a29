using System.Text.Json.Nodes;

namespace IdentityAccess.Core.Scim;

/// <summary>The attributes IdentityAccess looks people up by, read from a SCIM User document.</summary>
internal sealed record ScimUserFields(string UserName, string? ExternalId, string? DisplayName, string? Email, bool Active)
{
    public static ScimUserFields From(JsonObject user)
    {
        var userName = ScimJson.GetString(user, "userName")?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            throw ScimException.InvalidValue("userName is required.");
        }

        if (userName.Length > 320)
        {
            throw ScimException.InvalidValue("userName is longer than 320 characters.");
        }

        var name = ScimJson.Get(user, "name") as JsonObject;
        var displayName = ScimJson.GetString(user, "displayName")
            ?? (name is null ? null : ScimJson.GetString(name, "formatted"))
            ?? (name is null ? null : $"{ScimJson.GetString(name, "givenName")} {ScimJson.GetString(name, "familyName")}".Trim());
        return new ScimUserFields(userName, ScimJson.GetString(user, "externalId"), string.IsNullOrWhiteSpace(displayName) ? null : displayName,
            WorkEmail(user)?.Trim() is { Length: > 0 } email ? email : userName.Contains('@', StringComparison.Ordinal) ? userName : null, ScimJson.GetBool(ScimJson.Get(user, "active")) ?? true);
    }

    // The work email, else the primary one, else the first.
    private static string? WorkEmail(JsonObject user)
    {
        if (ScimJson.Get(user, "emails") is not JsonArray emails)
        {
            return null;
        }

        var entries = emails.OfType<JsonObject>().ToList();
        var chosen = entries.FirstOrDefault(e => string.Equals(ScimJson.GetString(e, "type"), "work", StringComparison.OrdinalIgnoreCase))
            ?? entries.FirstOrDefault(e => ScimJson.GetBool(ScimJson.Get(e, "primary")) == true)
            ?? entries.FirstOrDefault();
        return chosen is null ? null : ScimJson.GetString(chosen, "value");
    }
}
