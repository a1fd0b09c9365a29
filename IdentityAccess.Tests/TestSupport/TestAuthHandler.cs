using System.Text.Encodings.Web;
using IdentityAccess.Core.People;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Stands in for Entra sign-in in endpoint tests: a request carrying <c>X-Test-Person: {person id}</c> is that
/// person, with the same claims the real sign-in gives.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PersonLookup people)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-Person";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Guid.TryParse(Request.Headers[Header], out var personId))
        {
            return AuthenticateResult.NoResult();
        }

        var person = await people.FindAsync(personId, Context.RequestAborted);
        return person is null
            ? AuthenticateResult.Fail("Unknown test person.")
            : AuthenticateResult.Success(new AuthenticationTicket(
                PortalPrincipal.WithoutSession(person.Id, person.DisplayName, person.Email, "test"), SchemeName));
    }
}
