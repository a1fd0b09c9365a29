using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Endpoints;

/// <summary>The HTTP status of a refusal, by its category (never by its sentence).</summary>
internal static class RefusalStatus
{
    public static int Of(Error refusal) => refusal.Category switch
    {
        RefusalCategory.NotAllowed => StatusCodes.Status403Forbidden,
        RefusalCategory.NotFound => StatusCodes.Status404NotFound,
        RefusalCategory.Conflict => StatusCodes.Status409Conflict,
        RefusalCategory.InvalidInput => StatusCodes.Status400BadRequest,
    };
}
