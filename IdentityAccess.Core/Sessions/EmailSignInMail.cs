namespace IdentityAccess.Core.Sessions;

/// <summary>The sign-in link email, in plain text.</summary>
internal static class EmailSignInMail
{
    /// <summary>The page that shows "Sign in as …"; the secret follows it.</summary>
    public const string PathPrefix = "/sign-in/link/";

    public static (string Subject, string Body) Compose(string link) =>
        ("Your IdentityAccess sign-in link",
        $"""
        Use this link to sign in to IdentityAccess:
        {link}

        It works once, for 15 minutes. If you did not ask to sign in, ignore this email: nobody can sign in without the link.
        """);
}
