using System.Globalization;

namespace IdentityAccess.Core.Common;

/// <summary>
/// A count with its noun in the right number ("1 person", "2 people", "1,004 members"): English plurals for the
/// texts still written here; the localized portal chooses its plural forms through its resources.
/// </summary>
public static class Counted
{
    public static string Of(int count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.CurrentCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
