using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Outbox;

/// <summary>The default configuration: no SMTP server, so the outbox is where emails stay, visible to those who may see them.</summary>
public sealed class OutboxWithoutSmtpTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task Deliver_NoSmtpConfigured_NothingSentTheLinkStaysVisibleToTheInviter()
    {
        var alice = portal.Demo.Person("alice@acme.test");
        var invite = new NewMember("olga@elsewhere.test", "Olga", Role.User, SeatTier.Standard);
        Assert.Empty(await portal.Factory.Services.GetRequiredService<InvitationAdministration>().InviteAsync(portal.Demo.AcmeChat, invite, alice, "http://portal.test/"));

        Assert.Equal(0, await portal.Factory.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync());

        var message = await Mailbox.LatestAsync(portal.Factory, "olga@elsewhere.test", OutboxMessageKind.Invitation);
        Assert.Equal((null, 0), ((DateTimeOffset?)message.SentAt, message.Attempts));
        var directory = portal.Factory.Services.GetRequiredService<InvitationDirectory>();
        var pending = Assert.Single(await directory.ListPendingAsync(portal.Demo.AcmeChat, alice), i => i.Email == "olga@elsewhere.test");
        Assert.Equal($"http://portal.test/invitations/{Mailbox.SecretOf(message)}", pending.Delivery!.Link);
        Assert.Null(pending.Delivery.SentAt);
        // Those who may not manage Acme's members see none of it.
        Assert.Empty(await directory.ListPendingAsync(portal.Demo.AcmeChat, portal.Demo.Person("carol@acme.test")));
        Assert.Empty(await directory.ListPendingAsync(portal.Demo.AcmeChat, portal.Demo.Person("oscar@acme.test")));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Id == message.Id && m.SentAt == null));
    }
}
