namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// Where an IdP-initiated sign-in lands. Its RelayState comes from the IdP (or from whoever replays the form), not from
/// a login this portal started, so it is followed only when it is one of the portal's own paths: relative, starting
/// with a single '/', no scheme or host, no backslash, no control characters, and the same once percent-decoded
/// (so "/%2F%2Fevil" is not a way round). Anything else lands on <see cref="DefaultLandingPage"/>.
/// </summary>
public static class IdpInitiatedRelayState
{
    public const string DefaultLandingPage = "/";

    /// <summary>Longer than any page of the portal needs, and far beyond the 80 bytes SAML Bindings 3.5.3 allows.</summary>
    public const int MaxLength = 512;

    public static string ReturnUrlFor(string? relayState) => IsLocalPath(relayState) ? relayState! : DefaultLandingPage;

    public static bool IsLocalPath(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !IsPlainLocalPath(value))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return false;
        }

        return IsPlainLocalPath(decoded);
    }

    private static bool IsPlainLocalPath(string value) =>
        value[0] == '/'
        && (value.Length == 1 || (value[1] != '/' && value[1] != '\\'))
        && !value.Contains('\\', StringComparison.Ordinal)
        && !value.Contains("://", StringComparison.Ordinal)
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
