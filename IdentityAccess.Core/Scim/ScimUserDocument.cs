using System.Globalization;
using System.Text.Json.Nodes;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Scim.Input;

namespace IdentityAccess.Core.Scim;

/// <summary>Stores and renders the SCIM User document kept on a directory user.</summary>
internal static class ScimUserDocument
{
    // Server-owned or secret: never stored from a request, never echoed (Okta sends a password; Entra sends meta).
    private static readonly string[] _dropped = ["id", "meta", "password", "groups", "schemas"];

    public static JsonObject Sanitize(JsonObject body)
    {
        // A body from the endpoint is already case-insensitive; one built in code becomes so here (RFC 7643 §2.1).
        var document = body.Options?.PropertyNameCaseInsensitive == true ? (JsonObject)body.DeepClone() : Reparse(body);
        foreach (var name in _dropped)
        {
            ScimJson.Remove(document, name);
        }

        return document;
    }

    public static JsonObject Load(DirectoryUser user)
    {
        if (user.ScimDocument is { } json)
        {
            return ScimJson.ParseObject(json);
        }

        var document = ScimJson.NewObject();
        document["userName"] = user.UserName;
        return document;
    }

    public static void Store(DirectoryUser user, JsonObject document, ScimUserFields fields, DateTimeOffset now)
    {
        ScimJson.Set(document, "active", JsonValue.Create(fields.Active));
        user.UserName = fields.UserName;
        user.NormalizedUserName = ScimInputRules.NormalizedUserName(fields.UserName);
        user.ExternalId = fields.ExternalId;
        user.DisplayName = fields.DisplayName;
        user.Email = fields.Email;
        // Kept for filters and sortBy (name.givenName, emails[type eq "work"]), cut to their columns' length.
        var name = ScimJson.Get(document, "name") as JsonObject;
        user.GivenName = Cut(name is null ? null : ScimJson.GetString(name, "givenName"), 200);
        user.FamilyName = Cut(name is null ? null : ScimJson.GetString(name, "familyName"), 200);
        user.EmailType = Cut(EmailTypeOf(document, fields.Email), 64);
        user.Active = fields.Active;
        user.ScimDocument = Sanitize(document).ToJsonString();
        user.UpdatedAt = now;
    }

    private static JsonObject Reparse(JsonObject body)
    {
        var document = ScimJson.ParseObject(body.ToJsonString());
        ScimInputText.EnsureReadable(document);
        return document;
    }

    public static JsonObject Render(DirectoryUser user, string baseUrl)
    {
        var resource = Load(user);
        var schemas = new JsonArray(ScimSchemas.User);
        if (ScimJson.Get(resource, ScimSchemas.EnterpriseUser) is not null)
        {
            schemas.Add(ScimSchemas.EnterpriseUser);
        }

        resource["schemas"] = schemas;
        resource["id"] = user.Id.ToString();
        ScimJson.Set(resource, "userName", user.UserName);
        ScimJson.Set(resource, "active", user.Active);
        resource["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["created"] = user.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["lastModified"] = user.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["location"] = $"{baseUrl}/Users/{user.Id}",
            ["version"] = ScimVersionTag.Of(user.Version),
        };
        return resource;
    }

    private static string? EmailTypeOf(JsonObject document, string? email) =>
        email is not null && ScimJson.Get(document, "emails") is JsonArray emails
            ? emails.OfType<JsonObject>().Where(e => string.Equals(ScimJson.GetString(e, "value")?.Trim(), email, StringComparison.OrdinalIgnoreCase))
                .Select(e => ScimJson.GetString(e, "type")).FirstOrDefault()
            : null;

    private static string? Cut(string? text, int maxLength) => text is { Length: > 0 } ? text[..Math.Min(text.Length, maxLength)] : null;
}
