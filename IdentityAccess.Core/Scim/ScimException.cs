namespace IdentityAccess.Core.Scim;

/// <summary>A request the SCIM endpoint refuses, with the RFC 7644 §3.12 status and scimType to send back.</summary>
public sealed class ScimException(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string? ScimType { get; } = scimType;

    public static ScimException InvalidSyntax(string detail) => new(400, "invalidSyntax", detail);

    public static ScimException InvalidValue(string detail) => new(400, "invalidValue", detail);

    public static ScimException InvalidFilter(string detail) => new(400, "invalidFilter", detail);

    public static ScimException InvalidPath(string detail) => new(400, "invalidPath", detail);

    public static ScimException Uniqueness(string detail) => new(409, "uniqueness", detail);

    public static ScimException NotFound(string what) => new(404, null, $"{what} not found.");
}
