using System.Text;
using System.Text.Json;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Reads the SSO connection's requests into what the SSO panel hands to Core: a name that is no preset, subject source
/// or groups format is refused here by its field. Whether the metadata is an IdP's, and the names complete, is Core's to say.
/// </summary>
internal static class ApiSsoRequestReader
{
    /// <summary>The metadata as its XML, as an IdP's metadata URL serves it (SAML Metadata §4.1.1) or as saved from it.</summary>
    public static readonly string[] XmlMediaTypes = ["application/samlmetadata+xml", "application/xml", "text/xml"];

    /// <summary>The metadata importer's own limit, for a paste as for a fetch.</summary>
    public const int MaxChars = IdpMetadataFetcher.MaxBytes;

    /// <summary>An XML body (the preset in <c>?preset=</c>) or a JSON one (<see cref="ApiSsoMetadataImport"/>); a problem for anything else.</summary>
    public static async Task<(ApiSsoMetadataInput? Input, IResult? Refused)> ReadMetadataAsync(HttpRequest request, string? presetInQuery)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var isXml = XmlMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
        if (!isXml && !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "InvalidInput",
                detail: $"Send the metadata as {string.Join(", ", XmlMediaTypes)} (with ?preset=), or as application/json.",
                extensions: new Dictionary<string, object?> { ["code"] = "UnsupportedMediaType" }));
        }

        var text = await ReadLimitedAsync(request);
        if (text is null)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "InvalidInput",
                detail: $"The metadata is larger than {MaxChars / 1_000_000} MB; an IdP's metadata is a few kilobytes.",
                extensions: new Dictionary<string, object?> { ["code"] = "MetadataTooLarge", ["field"] = "metadata" }));
        }

        var errors = new List<ApiRefusal>();
        if (isXml)
        {
            var preset = Preset(string.IsNullOrEmpty(presetInQuery) ? null : presetInQuery, errors);
            return preset is { } chosen ? (new(text, null, chosen, null), null) : (null, ApiMemberProblems.Invalid(errors));
        }

        ApiSsoMetadataImport? body;
        try
        {
            body = JsonSerializer.Deserialize<ApiSsoMetadataImport>(text,
                request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        }
        catch (JsonException exception)
        {
            body = null;
            errors.Add(ApiRefusal.Invalid(exception.Path is { Length: > 2 } path ? path[2..] : "", "NotJson", "The body is not the JSON expected: " + exception.Message));
        }

        if (body is null && errors.Count == 0)
        {
            errors.Add(ApiRefusal.Invalid("metadataXml", "Required", "Send a JSON object with `metadataXml` or `metadataUrl`, and `preset`."));
        }

        if (body is not null && (body.MetadataXml is null) == (body.MetadataUrl is null))
        {
            errors.Add(ApiRefusal.Invalid("metadataXml", "OneSourceRequired", "Send either `metadataXml` (the metadata itself) or `metadataUrl` (where to fetch it), one of them."));
        }

        var (presetOfBody, names) = body is null ? (null, null) : (Preset(body.Preset, errors), body.Names is null ? null : Names(body.Names, errors));
        return errors.Count > 0 || body is null || presetOfBody is null
            ? (null, ApiMemberProblems.Invalid(errors))
            : (new(body.MetadataXml, body.MetadataUrl?.Trim(), presetOfBody.Value, names), null);
    }

    /// <summary>The preset and the names to save: those sent, or the preset's own when none are.</summary>
    public static (SamlAttributePreset Preset, SamlCustomAttributes Names)? ReadAttributeNames(ApiSamlAttributeNamesRequest body, List<ApiRefusal> errors)
    {
        var preset = Preset(body.Preset, errors);
        var names = body.Names is null ? null : Names(body.Names, errors);
        return preset is { } chosen && errors.Count == 0 ? (chosen, names ?? SamlAttributePresets.Names(chosen)) : null;
    }

    private static SamlAttributePreset? Preset(string? text, List<ApiRefusal> errors)
    {
        if (text is null)
        {
            errors.Add(ApiRefusal.Invalid("preset", "Required", $"'preset' is required: one of {string.Join(", ", Enum.GetNames<SamlAttributePreset>())}."));
            return null;
        }

        return Named<SamlAttributePreset>(text, "preset", errors);
    }

    private static SamlCustomAttributes? Names(ApiSamlNames names, List<ApiRefusal> errors)
    {
        // Unsaid, the subject is the attribute when one is named, else the (persistent) NameID; groups are ids, as Entra sends them.
        var subjectSource = names.SubjectSource is { } source ? Named<SamlSubjectSource>(source, "names.subjectSource", errors)
            : string.IsNullOrWhiteSpace(names.Subject) ? SamlSubjectSource.PersistentNameId : SamlSubjectSource.Attribute;
        var groupsFormat = names.GroupsFormat is { } format ? Named<SamlGroupsFormat>(format, "names.groupsFormat", errors) : SamlGroupsFormat.Ids;
        return subjectSource is { } subject && groupsFormat is { } groups
            ? new SamlCustomAttributes(subject, names.Subject, names.Email, names.DisplayName, names.Groups, names.GivenName, names.FamilyName, groups)
            : null;
    }

    private static T? Named<T>(string value, string field, List<ApiRefusal> errors) where T : struct, Enum
    {
        if (ApiSettingsRequestReader.Name<T>(value) is { } named)
        {
            return named;
        }

        errors.Add(ApiRefusal.Invalid(field, "UnknownName", $"'{value}' is not a {field}: use one of {string.Join(", ", Enum.GetNames<T>())}."));
        return null;
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxChars"/>.</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var text = new StringBuilder();
        var chunk = new char[16 * 1024];
        int count;
        while (text.Length <= MaxChars && (count = await reader.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            text.Append(chunk, 0, count);
        }

        return text.Length > MaxChars ? null : text.ToString();
    }
}
