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

    /// <summary>For a code this version does not know (an old bookmark, a crafted link).</summary>
    public static SignInMessage Generic { get; } = new(Severity.Error, "Signing in did not work. Try again; if it keeps happening, tell your administrator.");

    private static readonly Dictionary<string, SignInMessage> _messages = new(StringComparer.Ordinal)
    {
        [SsoUnknownDomain] = new(Severity.Error, "No organization uses single sign-on for that email address. Check the address, or use another way to sign in."),
        [SsoNotEnabled] = new(Severity.Error, "Your organization has not turned single sign-on on yet. Use another way to sign in."),
        [EntraUnreachable] = new(Severity.Error,
            "Microsoft Entra ID could not be reached. Try again in a moment; if it keeps happening, tell your administrator."),
        [EntraFailed] = new(Severity.Error, "Signing in with Microsoft Entra ID did not complete. Try again; if it keeps happening, tell your administrator."),
        [EntraNoEmail] = new(Severity.Error, "Microsoft Entra ID did not send an email address for this account. Ask your administrator."),
        [EntraNoAccount] = new(Severity.Error,
            "The account you signed in with at Microsoft is not a member of any organization here. Ask an owner to add you."),
        [EmailInvalid] = new(Severity.Error, "Enter an email address, such as name@example.com."),
        [SessionEnded] = new(Severity.Info, "Your session has ended. Sign in again to continue."),
        [SignedOutEverywhere] = new(Severity.Success, "You are signed out on every device and browser."),
    };

    /// <summary>The message for <paramref name="code"/>; the generic one for anything not in the set; null for no code.</summary>
    public static SignInMessage? For(string? code) =>
        string.IsNullOrEmpty(code) ? null : _messages.GetValueOrDefault(code) ?? Generic;

    /// <summary>The sign-in page showing <paramref name="code"/>'s message, keeping where to go afterwards.</summary>
    public static string SignInPath(string code, string? returnUrl = null) =>
        $"/sign-in?error={code}" + (returnUrl is null ? "" : $"&returnUrl={Uri.EscapeDataString(LocalRedirect.Sanitize(returnUrl))}");
}
