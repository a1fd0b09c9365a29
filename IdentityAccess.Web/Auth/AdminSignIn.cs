namespace IdentityAccess.Web.Auth;

/// <summary>The logging category of the admin sign-in endpoints.</summary>
internal sealed class AdminSignIn;
