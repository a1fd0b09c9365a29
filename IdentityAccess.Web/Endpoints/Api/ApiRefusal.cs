using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// One reason a dry run or an apply is refused, for a program: a stable <paramref name="Code"/>, the UI's refusal
/// category, the field when it is about one, and the English sentence the portal's refusal says.
/// </summary>
internal sealed record ApiRefusal(string Code, string Category, string? Field, string Detail)
{
    public static ApiRefusal Invalid(string field, string code, string detail) => new(code, nameof(RefusalCategory.InvalidInput), field, detail);

    public static ApiRefusal From(Error error) => new(CodeOf(error), error.Category.ToString(), FieldOf(error), error.Message);

    /// <summary>
    /// A refusal of a command whose request fields carry Core's own names (the members resource: <c>email</c>,
    /// <c>displayName</c>, <c>role</c>, <c>tier</c>), so the field is said as Core says it.
    /// </summary>
    public static ApiRefusal AsSent(Error error) => new(CodeOf(error), error.Category.ToString(), (error as InvalidInputError)?.Field, error.Message);

    /// <summary>Refusals about what was sent (a field), rather than about what it would do.</summary>
    public static bool IsAboutInput(Error error) => error is InvalidInputError or ModeNotAvailable;

    private static string CodeOf(Error error) => error switch
    {
        ValidationFailed failed => failed.Rule.ToString(),
        ModeNotAvailable unavailable => unavailable.Availability.Why.ToString(),
        _ => error.GetType().Name,
    };

    // The API's names of the fields the settings page's refusals name.
    private static string? FieldOf(Error error) => error switch
    {
        ModeNotAvailable => "mode",
        InvalidInputError { Field: "breakGlass" } => "breakGlassPersonId",
        InvalidInputError { Field: "role" } => "roleMappings",
        InvalidInputError { Field: "tier" } => "tierMappings",
        InvalidInputError { Field: "confirmation" } => "confirm",
        InvalidInputError invalid => invalid.Field,
        _ => null,
    };
}
