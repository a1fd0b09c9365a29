using IdentityAccess.Core.People;
using IdentityAccess.Core.Sessions;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>Either the person to sign in and where to send them, or why not (with a detail for logs, not for the page).</summary>
public sealed record SamlSignInResult(Person? Person, string? ReturnUrl, SamlSignInFailure? Failure, string? Detail)
{
    /// <summary>The organization a refusal is about, for the page ("not in a group that grants access to …").</summary>
    public string? OrganizationName { get; init; }

    /// <summary>Set when the login was a test sign-in: nobody is signed in, and the browser goes to the test's result.</summary>
    public Guid? TestSignInId { get; init; }

    /// <summary>The portal session a successful sign-in opened, committed with it; the endpoint only writes its cookie.</summary>
    public PortalSession? Session { get; init; }

    public static SamlSignInResult Success(Person person, string returnUrl, PortalSession session) => new(person, returnUrl, null, null) { Session = session };

    public static SamlSignInResult Tested(Guid testSignInId) => new(null, null, null, null) { TestSignInId = testSignInId };

    public static SamlSignInResult Failed(SamlSignInFailure failure, string detail) => new(null, null, failure, detail);
}

/// <summary>A login to send the browser off with: the IdP URL, the state key (RelayState) and the cookie nonce.</summary>
public sealed record SamlSignInStart(Uri RedirectUrl, string StateKey, string Nonce);
