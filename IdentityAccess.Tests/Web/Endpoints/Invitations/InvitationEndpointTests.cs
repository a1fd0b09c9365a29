using System.Net;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Web.Endpoints.Invitations;

/// <summary>
/// The accept page and its POST through the whole pipeline (antiforgery, the signed-in person, the fake clock). Alice
/// has invited Nina to Acme as User/Standard.
/// </summary>
public abstract class InvitationEndpointTests : IAsyncLifetime
{
    private readonly PortalFixture _portal;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private string _secret = "";
    private Guid _nina;

    protected InvitationEndpointTests(PortalFixture portal)
    {
        _portal = portal;
        _portal.Time = _time;
    }

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        var invite = new NewMember("nina@initech.test", "Nina Newman", Role.User, SeatTier.Standard);
        Assert.Empty(await _portal.Factory.Services.GetRequiredService<InvitationAdministration>()
            .InviteAsync(_portal.Demo.AcmeChat, invite, _portal.Demo.Person("alice@acme.test"), "http://localhost/"));
        _secret = await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        _nina = await db.People.Where(p => p.NormalizedEmail == "NINA@INITECH.TEST").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AcceptPage_SignedOut_OffersToSignInAsTheInvitedAddressAndComeBack()
    {
        var html = await _portal.CreateClient().GetStringAsync($"/invitations/{_secret}");

        Assert.Contains("Alice Anders invited <b>nina@initech.test</b> to join <b>Acme</b>", html, StringComparison.Ordinal);
        Assert.Contains("Sign in as nina@initech.test to accept", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"returnUrl\" value=\"/invitations/{_secret}\"", html, StringComparison.Ordinal);
        await AssertStillInvitedAsync(); // opening the link (as a mail scanner would) accepts nothing
    }

    [Fact]
    public async Task AcceptPage_SignedInAsSomeoneElse_ShowsTheRefusalAndNoAcceptButton()
    {
        var html = await _portal.CreateClient(_portal.Demo.Person("carol@acme.test")).GetStringAsync($"/invitations/{_secret}");

        Assert.Contains("This invitation is for nina@initech.test; you are signed in as carol@acme.test.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("invitation-accept", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_TheInvitedPersonWithTheToken_JoinsThenTheLinkIsUsedUp()
    {
        var client = _portal.CreateClient(_nina);
        var token = FormPost.TokenIn(await client.GetStringAsync($"/invitations/{_secret}"), "invitation-accept");

        var accepted = await client.PostAsync("/invitations/accept", FormPost.Fields(("__RequestVerificationToken", token), ("secret", _secret)));
        var again = await client.PostAsync("/invitations/accept", FormPost.Fields(("__RequestVerificationToken", token), ("secret", _secret)));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/invitations/joined/{_portal.Demo.AcmeChat}", accepted.Headers.Location!.OriginalString);
        Assert.Contains("You are now a member of Acme as User, with a Standard seat.", await client.GetStringAsync(accepted.Headers.Location.OriginalString),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This invitation link does not work", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(MembershipStatus.Active, (await db.Memberships.SingleAsync(m => m.PersonId == _nina)).Status);
    }

    [Fact]
    public async Task Accept_WithoutTheAntiforgeryToken_RefusedAndNothingChanged()
    {
        var response = await _portal.CreateClient(_nina).PostAsync("/invitations/accept", FormPost.Fields(("secret", _secret)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillInvitedAsync();
    }

    [Fact]
    public async Task Accept_PostedBySomeoneElse_ForbiddenNamingBothAndNothingChanged()
    {
        var carol = _portal.CreateClient(_portal.Demo.Person("carol@acme.test"));
        var token = FormPost.TokenIn(await carol.GetStringAsync("/sign-in"), "sso-email-step");

        var response = await carol.PostAsync("/invitations/accept", FormPost.Fields(("__RequestVerificationToken", token), ("secret", _secret)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("This invitation is for nina@initech.test; you are signed in as carol@acme.test.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertStillInvitedAsync();
    }

    [Fact]
    public async Task Accept_SignedOut_NotAcceptedAndNothingChanged()
    {
        var response = await _portal.CreateClient().PostAsync("/invitations/accept", FormPost.Fields(("secret", _secret)));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"got {response.StatusCode}");
        Assert.NotEqual($"/invitations/joined/{_portal.Demo.AcmeChat}", response.Headers.Location?.OriginalString);
        await AssertStillInvitedAsync();
    }

    [Fact]
    public async Task Accept_AfterExpiry_PageIsGoneAndPostIs404AndNothingChanged()
    {
        var client = _portal.CreateClient(_nina);
        var token = FormPost.TokenIn(await client.GetStringAsync($"/invitations/{_secret}"), "invitation-accept");
        _time.Advance(TimeSpan.FromDays(7));

        var page = await client.GetAsync($"/invitations/{_secret}");
        var post = await client.PostAsync("/invitations/accept", FormPost.Fields(("__RequestVerificationToken", token), ("secret", _secret)));

        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.NotFound), (page.StatusCode, post.StatusCode));
        Assert.Contains("This invitation link does not work", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.NotEqual(InvitationStatus.Accepted, (await db.Invitations.SingleAsync()).Status); // pending, or expired by the sweep meanwhile
        Assert.NotEqual(MembershipStatus.Active, (await db.Memberships.SingleAsync(m => m.PersonId == _nina)).Status);
    }

    [Fact]
    public async Task AcceptPage_UnknownLink_GoneWithTheSameWords()
    {
        var response = await _portal.CreateClient(_nina).GetAsync($"/invitations/{LinkSecret.New()}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This invitation link does not work", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinedPage_AnOrganizationThePersonIsNotIn_SaysSo()
    {
        var html = await _portal.CreateClient(_nina).GetStringAsync($"/invitations/joined/{_portal.Demo.GlobexTeam}");

        Assert.Contains("You are not an active member of this organization.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", html, StringComparison.Ordinal);
    }

    private async Task AssertStillInvitedAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(InvitationStatus.Pending, (await db.Invitations.SingleAsync()).Status);
        Assert.Equal(MembershipStatus.Invited, (await db.Memberships.SingleAsync(m => m.PersonId == _nina)).Status);
    }
}

public sealed class SqliteInvitationEndpointTests() : InvitationEndpointTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresInvitationEndpointTests() : InvitationEndpointTests(new PostgresPortalFixture());
