using IdentityAccess.Core.Members;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Members.Invitations;

/// <summary>The invitation email in the invited person's language, or the inviter's for a newcomer.</summary>
public abstract class InvitationMailLanguageTests(PortalFixture portal) : InvitationTestBase(portal)
{
    [Fact]
    public async Task Invite_PersonWhoPickedPortuguese_GetsItInPortuguese_WhateverTheInvitersLanguage()
    {
        // Oscar (of Acme Labs) chose Portuguese in the portal; Alice's page is in Indonesian.
        await using (var db = await Portal.Factory.CreateDbContextAsync())
        {
            await db.People.Where(p => p.Email == "oscar@acme.test").ExecuteUpdateAsync(s => s.SetProperty(p => p.PreferredLanguage, "pt-BR"));
        }

        using (Localizers.UiCulture("id"))
        {
            Assert.Empty(await Service.InviteAsync(Acme, new NewMember("oscar@acme.test", "Oscar", Role.User, SeatTier.Standard), Person("alice@acme.test"), Base));
        }

        var message = await Mailbox.LatestAsync(Portal.Factory, "oscar@acme.test", OutboxMessageKind.Invitation);
        Assert.Equal("Alice Anders convidou você para Acme", message.Subject);
        Assert.Contains("Alice Anders convidou você para participar de Acme como User (assento Standard).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Aceite o convite:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/invitations/{Mailbox.SecretOf(message)}", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_Newcomer_GetsItInTheInvitersLanguage()
    {
        using (Localizers.UiCulture("id"))
        {
            Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        }

        var message = await Mailbox.LatestAsync(Portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        Assert.Equal("Alice Anders mengundang Anda ke Acme", message.Subject);
        Assert.Contains("sebagai User (kursi Standard).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-11-30 12:00 UTC", message.TextBody, StringComparison.Ordinal); // the expiry in one unambiguous form
    }
}

public sealed class SqliteInvitationMailLanguageTests() : InvitationMailLanguageTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresInvitationMailLanguageTests() : InvitationMailLanguageTests(new PostgresPortalFixture());
