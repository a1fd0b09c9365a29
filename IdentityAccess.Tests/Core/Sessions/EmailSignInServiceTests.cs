using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Sessions;

/// <summary>
/// Email sign-in links on a fake clock. The demo's acme.test and globex.test are verified by parents whose SSO (the demo
/// IdP) is on; initech.test is nobody's.
/// </summary>
public abstract class EmailSignInServiceTests : IAsyncLifetime
{
    private const string Base = "http://portal.test/";
    private readonly PortalFixture _portal;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    protected EmailSignInServiceTests(PortalFixture portal)
    {
        _portal = portal;
        _portal.Time = _time;
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private EmailSignInService Service => _portal.Factory.Services.GetRequiredService<EmailSignInService>();

    [Fact]
    public async Task Request_DomainWithoutSso_StoresOnlyTheHashAndPutsTheLinkInTheOutbox()
    {
        Assert.Null(await Service.RequestAsync(" nina@initech.test ", "/invitations/abc", Base));

        var message = await Mailbox.LatestAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.SignInLink);
        var secret = Mailbox.SecretOf(message);
        Assert.Contains($"http://portal.test/sign-in/link/{secret}", message.TextBody, StringComparison.Ordinal);
        Assert.Null(message.OrganizationId); // never shown on an organization's page
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var link = await db.EmailSignInLinks.SingleAsync();
        Assert.Equal(("NINA@INITECH.TEST", LinkSecret.Hash(secret), "/invitations/abc", _time.GetUtcNow().AddMinutes(15), (DateTimeOffset?)null),
            (link.NormalizedEmail, link.TokenHash, link.ReturnUrl, link.ExpiresAt, link.UsedAt));
    }

    [Fact]
    public async Task Request_PersonWhoPickedIndonesian_GetsTheLinkInIndonesian_ANewcomerInThePagesLanguage()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var nina = IdentityAccess.Core.People.Person.Create("nina@initech.test", "Nina", _time.GetUtcNow());
            nina.PreferredLanguage = "id";
            db.People.Add(nina);
            await db.SaveChangesAsync();
        }

        using (Localizers.UiCulture("pt-BR"))
        {
            Assert.Null(await Service.RequestAsync("nina@initech.test", "/", Base));
            Assert.Null(await Service.RequestAsync("zoe@initech.test", "/", Base));
        }

        var hers = await Mailbox.LatestAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.SignInLink);
        Assert.Equal("Tautan masuk IdentityAccess Anda", hers.Subject);
        Assert.Contains($"Gunakan tautan ini untuk masuk ke IdentityAccess:\n{Base}sign-in/link/{Mailbox.SecretOf(hers)}", hers.TextBody, StringComparison.Ordinal);
        var newcomers = await Mailbox.LatestAsync(_portal.Factory, "zoe@initech.test", OutboxMessageKind.SignInLink);
        Assert.Equal("Seu link de acesso ao IdentityAccess", newcomers.Subject);
    }

    [Fact]
    public async Task Request_DomainVerifiedByAParentWithSsoOn_UseSingleSignOnAndNoMail()
    {
        var refused = await Service.RequestAsync("dave@acme.test", "/", Base);

        Assert.Equal(await AcmeParentAsync(), Assert.IsType<UseSingleSignOn>(refused).ParentId);
        await AssertNoLinkAsync();
    }

    [Fact]
    public async Task Request_VerifiedDomainWhoseSsoIsOff_GetsALink()
    {
        Assert.Null(await _portal.Factory.Services.GetRequiredService<SamlConnectionService>()
            .SetEnabledForParentAsync(await AcmeParentAsync(), false, AuditActor.System("test")));

        Assert.Null(await Service.RequestAsync("dave@acme.test", "/", Base));

        await Mailbox.LatestAsync(_portal.Factory, "dave@acme.test", OutboxMessageKind.SignInLink);
    }

    [Fact]
    public async Task Request_BeyondFiveInFifteenMinutes_SameAnswerButNoMoreMail_ThenAgainOnceTheWindowPasses()
    {
        for (var i = 0; i < EmailSignInService.MaxLinksPerWindow + 2; i++)
        {
            Assert.Null(await Service.RequestAsync("nina@initech.test", "/", Base));
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(5, await CountAsync());
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Null(await Service.RequestAsync("nina@initech.test", "/", Base));
        Assert.Equal(6, await CountAsync());

        async Task<int> CountAsync()
        {
            await using var db = await _portal.Factory.CreateDbContextAsync();
            Assert.Equal(await db.EmailSignInLinks.CountAsync(), await db.OutboxMessages.CountAsync(m => m.Kind == OutboxMessageKind.SignInLink));
            return await db.EmailSignInLinks.CountAsync();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("nina")]
    [InlineData("Nina <nina@initech.test>")]
    public async Task Request_NotAnAddress_InvalidInputAndNoMail(string email)
    {
        Assert.Equal("email", Assert.IsType<ValidationFailed>(await Service.RequestAsync(email, "/", Base)).Field);
        await AssertNoLinkAsync();
    }

    // The link keeps only the normalized address, so a newcomer is created with its lower case.
    [Fact]
    public async Task Redeem_Newcomer_CreatesThePersonNamedAfterTheAddressAndGoesToTheReturnUrl()
    {
        Assert.Null(await Service.RequestAsync("Nina@Initech.test", "/invitations/abc", Base));
        var secret = await Mailbox.LatestSecretAsync(_portal.Factory, "Nina@Initech.test", OutboxMessageKind.SignInLink);

        var redeemed = await Service.RedeemAsync(secret);

        Assert.Null(redeemed.Refusal);
        Assert.Equal(("nina@initech.test", "nina", "/invitations/abc"), (redeemed.Person!.Email, redeemed.Person.DisplayName, redeemed.ReturnUrl));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(_time.GetUtcNow(), (await db.EmailSignInLinks.SingleAsync()).UsedAt);
        Assert.True(await db.People.AnyAsync(p => p.Id == redeemed.Person.Id));
    }

    [Fact]
    public async Task Redeem_KnownPerson_IsThatPerson()
    {
        Assert.Null(await _portal.Factory.Services.GetRequiredService<SamlConnectionService>()
            .SetEnabledForParentAsync(await AcmeParentAsync(), false, AuditActor.System("test")));
        Assert.Null(await Service.RequestAsync("CAROL@acme.test", "/", Base));

        var redeemed = await Service.RedeemAsync(await Mailbox.LatestSecretAsync(_portal.Factory, "CAROL@acme.test", OutboxMessageKind.SignInLink));

        Assert.Equal((_portal.Demo.Person("carol@acme.test"), "Carol Chen"), (redeemed.Person!.Id, redeemed.Person.DisplayName));
    }

    [Fact]
    public async Task Redeem_SecondUseExpiredOrSsoTurnedOnMeanwhile_NotValidAndNobodySignedIn()
    {
        Assert.Null(await Service.RequestAsync("nina@initech.test", "/", Base));
        var used = await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.SignInLink);
        Assert.NotNull((await Service.RedeemAsync(used)).Person);
        Assert.Null(await Service.RequestAsync("nina@initech.test", "/", Base));
        var expired = await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.SignInLink);

        var again = await Service.RedeemAsync(used);
        _time.Advance(EmailSignInService.Lifetime);
        var late = await Service.RedeemAsync(expired);
        var unknown = await Service.RedeemAsync(LinkSecret.New());

        Assert.All(new[] { again, late, unknown }, r => Assert.IsType<SignInLinkNotValid>(r.Refusal));
        Assert.All(new[] { again, late, unknown }, r => Assert.Null(r.Person));
        Assert.Null(await Service.FindAsync(expired));
    }

    [Fact]
    public async Task Redeem_SsoTurnedOnForTheDomainSinceTheLinkWasSent_NotValid()
    {
        var parent = await AcmeParentAsync();
        var connections = _portal.Factory.Services.GetRequiredService<SamlConnectionService>();
        Assert.Null(await connections.SetEnabledForParentAsync(parent, false, AuditActor.System("test")));
        Assert.Null(await Service.RequestAsync("carol@acme.test", "/", Base));
        Assert.Null(await connections.SetEnabledForParentAsync(parent, true, AuditActor.System("test")));

        var redeemed = await Service.RedeemAsync(await Mailbox.LatestSecretAsync(_portal.Factory, "carol@acme.test", OutboxMessageKind.SignInLink));

        Assert.IsType<SignInLinkNotValid>(redeemed.Refusal);
    }

    [Fact]
    public async Task Find_ShowsTheAddressWithoutUsingTheLink()
    {
        Assert.Null(await Service.RequestAsync("nina@initech.test", "/", Base));
        var secret = await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.SignInLink);

        Assert.Equal("nina@initech.test", await Service.FindAsync(secret));
        Assert.Equal("nina@initech.test", await Service.FindAsync(secret));
        Assert.NotNull((await Service.RedeemAsync(secret)).Person);
    }

    private async Task<Guid> AcmeParentAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
    }

    private async Task AssertNoLinkAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.EmailSignInLinks.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }
}

public sealed class SqliteEmailSignInServiceTests() : EmailSignInServiceTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresEmailSignInServiceTests() : EmailSignInServiceTests(new PostgresPortalFixture());
