namespace IdentityAccess.Web.Auth;

/// <summary>
/// A browser's User-Agent in words a person recognizes ("Firefox on Windows"), stored with the session so the list of
/// one's sessions can be told apart. A guess from well-known tokens; the raw header is not kept.
/// </summary>
internal static class UserAgentSummary
{
    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    private static readonly (string Token, string Name)[] _browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] _systems =
        [("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public static string? Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var browser = Find(_browsers, userAgent);
        var system = Find(_systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => "Unknown browser",
            (_, null) => browser,
            (null, _) => $"A browser on {system}",
            _ => $"{browser} on {system}",
        };
    }

    private static string? Find((string Token, string Name)[] known, string userAgent) =>
        known.FirstOrDefault(k => userAgent.Contains(k.Token, StringComparison.Ordinal)).Name;
}
