namespace IdentityAccess.Core.Saml;

/// <summary>
/// For an IdP-initiated Response only: which IdP it claims to come from, read before anything is verified, so that the
/// ACS knows which connection's keys and settings to validate it with. The claim is never trusted: the validator then
/// checks that both Issuers name that connection's IdP and that its pinned keys signed the Response.
/// </summary>
public static class UnsolicitedResponseIssuer
{
    /// <summary>The Response's Issuer (outside any encrypted assertion), else the Assertion's; null when unreadable.</summary>
    public static string? Read(string? samlResponse)
    {
        if (string.IsNullOrWhiteSpace(samlResponse) || samlResponse.Length > SamlResponseValidator.MaxResponseLength)
        {
            return null;
        }

        var bytes = new byte[samlResponse.Length];
        if (!Convert.TryFromBase64String(samlResponse, bytes, out var length))
        {
            return null;
        }

        var (document, outcome) = SafeXml.Load(bytes[..length], SamlResponseValidator.MaxResponseLength);
        if (outcome != SafeXml.Outcome.Loaded || document!.DocumentElement is not { } response)
        {
            return null;
        }

        var issuer = response.SingleChild(SamlNames.Assertion, "Issuer")
            ?? response.SingleChild(SamlNames.Assertion, "Assertion")?.SingleChild(SamlNames.Assertion, "Issuer");
        return issuer?.TextContent() is { Length: > 0 and <= 1024 } value ? value : null;
    }
}
