namespace IdentityAccess.Core.Saml;

internal static class SamlUrls
{
    /// <summary>
    /// Equal as absolute URLs: scheme and host case and a default port do not matter, path and query must match
    /// exactly. The IdP echoes the URL it was configured with, which may differ from ours in those harmless ways.
    /// </summary>
    public static bool AreSame(string? candidate, Uri expected) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var url)
        && Uri.Compare(url, expected, UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;
}
