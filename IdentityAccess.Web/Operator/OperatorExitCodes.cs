using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// The exit codes every operator command uses (docs/deployment.md#operator-command-line), so a script can tell a
/// refusal from a typo from a database that is not there. 64 and 69 are sysexits.h's EX_USAGE and EX_UNAVAILABLE.
/// </summary>
internal static class OperatorExitCodes
{
    public const int Done = 0;

    /// <summary>A rule refused it: not allowed, a conflict, input the rule does not accept; nothing was changed.</summary>
    public const int Refused = 1;

    /// <summary>The named parent, organization, token, person or file does not exist (or a name is shared: give the id).</summary>
    public const int NotFound = 2;

    /// <summary>An unknown command or arguments it does not take; the usage is printed.</summary>
    public const int Usage = 64;

    /// <summary>The database does not exist (create it with <c>operator migrate</c>) or cannot be reached.</summary>
    public const int DatabaseUnavailable = 69;

    public static int Of(RefusalCategory category) => category switch
    {
        RefusalCategory.NotFound => NotFound,
        RefusalCategory.NotAllowed => Refused,
        RefusalCategory.Conflict => Refused,
        RefusalCategory.InvalidInput => Refused,
    };

    /// <summary>The <c>error.code</c> of a refusal in <c>--json</c>: its category, which scripts may tell apart.</summary>
    public static string CodeOf(RefusalCategory category) => category switch
    {
        RefusalCategory.NotFound => "not-found",
        RefusalCategory.NotAllowed => "not-allowed",
        RefusalCategory.Conflict => "conflict",
        RefusalCategory.InvalidInput => "invalid-input",
    };
}
