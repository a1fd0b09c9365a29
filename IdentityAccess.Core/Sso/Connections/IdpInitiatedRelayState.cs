namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// Where an IdP-initiated sign-in lands. Its RelayState comes from the IdP (or from whoever replays the form), not from
/// a login this portal started, so it is followed only when it is one of the portal's own paths: relative, starting
/// with a single '/', no scheme or host, no backslash, no control characters, and the same once percent-decoded
/// (so "/%2F%2Fevil", or the same encoded twice, is not a way round). Anything else lands on <see cref="DefaultLandingPage"/>.
/// </summary>
public static class IdpInitiatedRelayState
{
    public const string DefaultLandingPage = "/";

    /// <summary>Longer than any page of the portal needs, and far beyond the 80 bytes SAML Bindings 3.5.3 allows.</summary>
    public const int MaxLength = 512;

    private const int MaxEncodingLayers = 3;

    public static string ReturnUrlFor(string? relayState) => IsLocalPath(relayState) ? relayState! : DefaultLandingPage;

    public static bool IsLocalPath(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !IsPlainLocalPath(value))
        {
            return false;
        }

        // Decoded until nothing changes, so no layer of percent-encoding hides a second slash, a backslash or a scheme.
        var decoded = value;
        for (var layer = 0; layer < MaxEncodingLayers; layer++)
        {
            string next;
            try
            {
                next = Uri.UnescapeDataString(decoded);
            }
            catch (UriFormatException)
            {
                return false;
            }

            if (next == decoded)
            {
                return true;
            }

            if (next.Length == 0 || !IsPlainLocalPath(next))
            {
                return false;
            }

            decoded = next;
        }

        return false; // still encoded after that many layers: no page of the portal looks like this
    }

    private static bool IsPlainLocalPath(string value) =>
        value[0] == '/'
        && (value.Length == 1 || (value[1] != '/' && value[1] != '\\'))
        && !value.Contains('\\', StringComparison.Ordinal)
        && !value.Contains("://", StringComparison.Ordinal)
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
