namespace IdentityAccess.Web.Auth;

/// <summary>Only paths on this site are followed after sign-in, so a crafted link cannot send people elsewhere.</summary>
internal static class LocalRedirect
{
    public static string Sanitize(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(char.IsControl)
        // A Location header carries ASCII only: Kestrel refuses the response otherwise (a 500). The portal's own
        // addresses are percent-encoded, so only a crafted one has such a character.
        && url.All(char.IsAscii);
}
