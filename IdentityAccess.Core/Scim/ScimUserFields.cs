using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim.Input;

namespace IdentityAccess.Core.Scim;

/// <summary>The attributes IdentityAccess looks people up by, read from a SCIM User document that passed the input rules.</summary>
internal sealed record ScimUserFields(string UserName, string? ExternalId, string? DisplayName, string? Email, bool Active)
{
    /// <summary>Applies <see cref="ScimInputRules"/> to the document (normalizing it in place), then reads the fields.</summary>
    public static ScimUserFields From(JsonObject user)
    {
        ScimUserInput.Check(user);
        var userName = ScimJson.GetString(user, "userName")!;
        var name = ScimJson.Get(user, "name") as JsonObject;
        var displayName = ScimJson.GetString(user, "displayName")
            ?? (name is null ? null : ScimJson.GetString(name, "formatted"))
            ?? (name is null ? null : $"{ScimJson.GetString(name, "givenName")} {ScimJson.GetString(name, "familyName")}".Trim());
        return new ScimUserFields(userName, ScimJson.GetString(user, "externalId"),
            string.IsNullOrWhiteSpace(displayName) ? null : ScimUserInput.CheckDerivedDisplayName(displayName.Trim()),
            WorkEmail(user) is { Length: > 0 } email ? email : userName.Contains('@', StringComparison.Ordinal) ? userName : null,
            ScimJson.GetBool(ScimJson.Get(user, "active")) ?? true);
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
