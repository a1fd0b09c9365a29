using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Outbox;

/// <summary>
/// SMTP delivery against <see cref="SmtpTestServer"/> on 127.0.0.1, on a fake clock. The delivery loop looks at the
/// outbox once at start and then hourly here, so a test decides when a pass runs (or advances the clock for the loop).
/// </summary>
public abstract class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly PortalFixture _portal;
    private readonly SmtpTestServer _smtp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    protected OutboxDeliveryTests(PortalFixture portal)
    {
        _portal = portal;
        _portal.Time = _time;
        _portal.Settings["Email:Smtp:Host"] = "127.0.0.1";
        _portal.Settings["Email:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _portal.Settings["Email:Smtp:UseTls"] = "false";
        _portal.Settings["Email:Smtp:UserName"] = "portal";
        _portal.Settings["Email:Smtp:Password"] = "s3cret";
        _portal.Settings["Email:Smtp:From"] = "IdentityAccess <no-reply@portal.test>";
        _portal.Settings["Email:Smtp:PollSeconds"] = "3600";
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private OutboxDispatcher Dispatcher => _portal.Factory.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task Deliver_SmtpConfigured_SendsMarksSentAndTakesTheSecretOutOfTheStoredCopy()
    {
        var secret = await InviteNinaAsync();

        Assert.Equal(1, await Dispatcher.DeliverDueAsync());

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal(("<no-reply@portal.test>", "<nina@initech.test>"), (mail.From, Assert.Single(mail.To)));
        Assert.Equal(("Alice Anders invited you to Acme", "nina@initech.test"), (mail.Message.Subject, mail.Message.To.Mailboxes.Single().Address));
        Assert.Contains($"/invitations/{secret}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(("portal", "s3cret"), _smtp.Credentials);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var stored = await db.OutboxMessages.SingleAsync();
        Assert.Equal((_time.GetUtcNow(), 1, (string?)null), (stored.SentAt, stored.Attempts, stored.LastError));
        Assert.DoesNotContain(secret, stored.TextBody, StringComparison.Ordinal);
        Assert.Contains("/invitations/" + OutboxText.RedactedSecret, stored.TextBody, StringComparison.Ordinal);
        // The person's copy still works: only its hash was ever needed.
        Assert.NotNull(await _portal.Factory.Services.GetRequiredService<InvitationAcceptance>().FindAsync(secret));
        Assert.Equal(0, await Dispatcher.DeliverDueAsync()); // sent once
    }

    [Fact]
    public async Task Deliver_ServerRefuses_KeepsTheMessageAndItsErrorAndTriesAgainAfterTheBackoff()
    {
        await InviteNinaAsync();
        _smtp.RefuseMail = true;

        Assert.Equal(0, await Dispatcher.DeliverDueAsync());

        var failed = await MessageAsync();
        Assert.Null(failed.SentAt);
        Assert.Equal((1, _time.GetUtcNow().AddSeconds(30)), (failed.Attempts, failed.NextAttemptAt));
        Assert.Contains("try again later", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("/invitations/", OutboxText.Links(failed.TextBody).Single(), StringComparison.Ordinal); // still shown to the inviter
        _smtp.RefuseMail = false;
        Assert.Equal(0, await Dispatcher.DeliverDueAsync()); // not due before the backoff
        Assert.Empty(_smtp.Received);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Dispatcher.DeliverDueAsync());

        var sent = await MessageAsync();
        Assert.Equal((2, (string?)null), (sent.Attempts, sent.LastError));
        Assert.NotNull(sent.SentAt);
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task DeliveryLoop_OnTheAppsClock_SendsWithoutBeingCalled()
    {
        await InviteNinaAsync();

        _time.Advance(TimeSpan.FromHours(1)); // the loop's next look at the outbox
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_smtp.Received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Single(_smtp.Received);
    }

    private async Task<string> InviteNinaAsync()
    {
        var invite = new NewMember("nina@initech.test", "Nina Newman", Role.User, SeatTier.Standard);
        Assert.Empty(await _portal.Factory.Services.GetRequiredService<InvitationAdministration>()
            .InviteAsync(_portal.Demo.AcmeChat, invite, _portal.Demo.Person("alice@acme.test"), "http://portal.test/"));
        return await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
    }

    private async Task<OutboxMessage> MessageAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().SingleAsync();
    }
}

public sealed class SqliteOutboxDeliveryTests() : OutboxDeliveryTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresOutboxDeliveryTests() : OutboxDeliveryTests(new PostgresPortalFixture());
