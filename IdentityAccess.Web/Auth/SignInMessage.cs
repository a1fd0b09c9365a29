using MudBlazor;

namespace IdentityAccess.Web.Auth;

/// <summary>A sentence the sign-in page may show, chosen by <see cref="SignInMessages"/> from a code.</summary>
internal sealed record SignInMessage(Severity Severity, string Text);
