using MudBlazor;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// A sentence the sign-in page may show, chosen by <see cref="SignInMessages"/> from a code: its resource key
/// (<c>SignIn.Error.&lt;code&gt;</c>), which the page says in the reader's language.
/// </summary>
internal sealed record SignInMessage(Severity Severity, string Key);
