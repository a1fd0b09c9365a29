using MudBlazor;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// The sign-in page's messages: <c>/sign-in?error=&lt;code&gt;</c> names one of a closed set, and the page shows the
/// fixed sentence for it. The query string never reaches the page as text, so a crafted link cannot make the portal
/// say something it did not write ("Call this number to restore your access").
/// </summary>
internal static class SignInMessages
{
    public const string SsoUnknownDomain = "sso-unknown-domain";
    public const string SsoNotEnabled = "sso-not-enabled";
    public const string EntraUnreachable = "entra-unreachable";
    public const string EntraFailed = "entra-failed";
    public const string EntraNoEmail = "entra-no-email";
    public const string EntraNoAccount = "entra-no-account";
    public const string SessionEnded = "session-ended";
    public const string SignedOutEverywhere = "signed-out-everywhere";
    public const string EmailInvalid = "email-invalid";

    public const string KeyPrefix = "SignIn.Error.";

    /// <summary>For a code this version does not know (an old bookmark, a crafted link).</summary>
    public static SignInMessage Generic { get; } = new(Severity.Error, KeyPrefix + "generic");

    private static readonly Dictionary<string, SignInMessage> _messages = new[]
    {
        (SsoUnknownDomain, Severity.Error), (SsoNotEnabled, Severity.Error), (EntraUnreachable, Severity.Error), (EntraFailed, Severity.Error),
        (EntraNoEmail, Severity.Error), (EntraNoAccount, Severity.Error), (EmailInvalid, Severity.Error), (SessionEnded, Severity.Info),
        (SignedOutEverywhere, Severity.Success),
    }.ToDictionary(m => m.Item1, m => new SignInMessage(m.Item2, KeyPrefix + m.Item1), StringComparer.Ordinal);

    /// <summary>Every code the page knows (the resource completeness test checks each has its sentence).</summary>
    public static IEnumerable<string> Codes => _messages.Keys;

    /// <summary>The message for <paramref name="code"/>; the generic one for anything not in the set; null for no code.</summary>
    public static SignInMessage? For(string? code) =>
        string.IsNullOrEmpty(code) ? null : _messages.GetValueOrDefault(code) ?? Generic;

    /// <summary>The sign-in page showing <paramref name="code"/>'s message, keeping where to go afterwards.</summary>
    public static string SignInPath(string code, string? returnUrl = null) =>
        $"/sign-in?error={code}" + (returnUrl is null ? "" : $"&returnUrl={Uri.EscapeDataString(LocalRedirect.Sanitize(returnUrl))}");
}
