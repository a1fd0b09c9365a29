namespace IdentityAccess.Web.Endpoints.Api.Logs;

/// <summary>What the two logs' endpoints share: paging limits, the export format, and the words of their descriptions.</summary>
internal static class LogApi
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    public const string CursorText = "The `nextCursor` of the previous page, as it was given; none for the first page.";

    public const string LimitText = "How many entries a page holds, 1 to 200; 50 when not given.";

    public const string FromText = "The first day (`2026-11-01`) or instant (ISO 8601) included.";

    public const string ToText = "The last day included, or the instant before which entries stop.";

    public const string AuditFilters = "`search`, `action`, `actor`, `person`, `scope`, `from`, `to`.";

    public static IResult BadCursor() => Invalid("cursor", "CursorNotRecognized", "The cursor is not one this API returned; start again without it.");

    public static IResult? BadLimit(int? limit) =>
        limit is < 1 or > MaxLimit ? Invalid("limit", "LimitOutOfRange", $"The limit is from 1 to {MaxLimit}.") : null;

    /// <summary><c>csv</c> (the default) or <c>json</c>; null for anything else.</summary>
    public static string? ReadFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => "csv",
        "json" => "json",
        _ => null,
    };

    public static IResult BadFormat() => Invalid("format", "FormatNotOneOf", "The format is csv or json.");

    private static IResult Invalid(string field, string code, string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "InvalidInput", detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code, ["field"] = field });
}
