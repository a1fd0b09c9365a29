using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/invitations on Kestrel: pending invitations listed as the members page lists them, resent
/// (a new link by email) and revoked through the page's commands, audited with the key's name; the link never in an
/// answer; and who must not. Each test has an organization of its own, where the Owner invited Gina as a Standard User.
/// </summary>
public abstract class InvitationApiEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(OwnSettingsOrganization org, string path = "") => $"/api/v1/organizations/{org.OrganizationId}/invitations{path}";

    private static string Gina(OwnSettingsOrganization org) => $"gina@{org.Domain}";

    private async Task<(OwnSettingsOrganization Org, Guid InvitationId, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var invitationId = await InviteAsync(org, Gina(org), Role.User, SeatTier.Standard);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, invitationId, portal.KeyClient(key.Token), key);
    }

    /// <summary>Invited by the Owner on the members page (its command), the email in the outbox.</summary>
    private async Task<Guid> InviteAsync(OwnSettingsOrganization org, string email, Role role, SeatTier tier)
    {
        var invitations = portal.Factory.Services.GetRequiredService<InvitationAdministration>();
        Assert.Empty(await invitations.InviteAsync(org.OrganizationId, new NewMember(email, "Invited " + email[..4], role, tier), org.Owner, "http://portal.test/"));
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Invitations.Where(i => i.OrganizationId == org.OrganizationId && i.Email == email).Select(i => i.Id).SingleAsync();
    }

    private async Task<Invitation> InvitationAsync(Guid invitationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitationId);
    }

    private Task<string> SecretAsync(OwnSettingsOrganization org) => Mailbox.LatestSecretAsync(portal.Factory, Gina(org), OutboxMessageKind.Invitation);

    [Fact]
    public async Task List_AsThePageListsThem_WhoAsWhatByWhomUntilWhen_NeverTheLink()
    {
        var (org, invitationId, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);
        var stored = await InvitationAsync(invitationId);

        var response = await client.GetAsync(Url(org));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(await SecretAsync(org), body, StringComparison.Ordinal);
        Assert.DoesNotContain("/invitations/", body, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var list = JsonDocument.Parse(body);
        var item = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal((invitationId, Gina(org), "User", "Standard", $"Owner {org.Domain["settings-".Length..^".test".Length]}", 1), (item.GetProperty("id").GetGuid(), item.GetProperty("email").GetString(),
            item.GetProperty("role").GetString(), item.GetProperty("seatTier").GetString(), item.GetProperty("invitedBy").GetString(), item.GetProperty("sendCount").GetInt32()));
        Assert.Equal(stored.MembershipId, item.GetProperty("memberId").GetGuid());
        Assert.Equal(stored.CreatedAt, item.GetProperty("invitedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(stored.ExpiresAt, item.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var email = item.GetProperty("latestEmail");
        Assert.Equal(["attempts", "lastError", "sentAt"], email.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.Null, list.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Resend_ANewLinkByEmail_TheOldOneStops_AnsweredWithoutIt_AuditedWithTheKey()
    {
        var (org, invitationId, client, key) = await OwnAsync();
        var first = await SecretAsync(org);

        var response = await client.PostAsync(Url(org, $"/{invitationId}/resend"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = await SecretAsync(org);
        Assert.NotEqual(first, second);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(second, body, StringComparison.Ordinal);
        using var resent = JsonDocument.Parse(body);
        Assert.Equal((invitationId, 2), (resent.RootElement.GetProperty("id").GetGuid(), resent.RootElement.GetProperty("sendCount").GetInt32()));
        var acceptance = portal.Factory.Services.GetRequiredService<InvitationAcceptance>();
        Assert.Null(await acceptance.FindAsync(first));
        Assert.NotNull(await acceptance.FindAsync(second));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == org.OrganizationId && e.Action == "membership.invitation_resent");
        Assert.Equal((org.Owner, $"{key.Name} ({key.Prefix})"), (entry.ActorPersonId, entry.ViaApiKey));
    }

    [Fact]
    public async Task Revoke_204_TheLinkStops_TheSeatIsFree_ThenResendOrRevokeAgain_404InvitationNotPending()
    {
        var (org, invitationId, client, key) = await OwnAsync();
        var secret = await SecretAsync(org);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Url(org, $"/{invitationId}"))).StatusCode);

        var invitation = await InvitationAsync(invitationId);
        Assert.Equal(InvitationStatus.Revoked, invitation.Status);
        Assert.Null(await portal.Factory.Services.GetRequiredService<InvitationAcceptance>().FindAsync(secret));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>(Url(org))).GetProperty("items").EnumerateArray());
        var seats = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org.OrganizationId}/seats");
        Assert.Equal(2, seats.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("tier").GetString() == "Standard").GetProperty("used").GetInt32());
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == org.OrganizationId && e.Action == "membership.invitation_revoked");
            Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
        }

        var resend = await AssertProblemAsync(await client.PostAsync(Url(org, $"/{invitationId}/resend"), null), HttpStatusCode.NotFound);
        var again = await AssertProblemAsync(await client.DeleteAsync(Url(org, $"/{invitationId}")), HttpStatusCode.NotFound);
        Assert.All([resend, again], p => Assert.Equal("InvitationNotPending", p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task UnknownInvitationOrOrganization_404()
    {
        var (org, _, client, _) = await OwnAsync();

        Assert.Equal("InvitationNotPending", (await AssertProblemAsync(await client.PostAsync(Url(org, $"/{Guid.NewGuid()}/resend"), null),
            HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await AssertProblemAsync(await client.DeleteAsync(Url(org, $"/{Guid.NewGuid()}")), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/organizations/{Guid.NewGuid()}/invitations"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnInvitationToBeOwner_AChatAdminMayNotResendOrRevokeIt_403_ButOthersYes()
    {
        var (org, invitationId, _, _) = await OwnAsync();
        var ownerInvitation = await InviteAsync(org, $"hugo@{org.Domain}", Role.Owner, SeatTier.Premium);
        var carol = await ChatAdminKey.CarolsAsync(portal, org);

        var resend = await AssertProblemAsync(await carol.PostAsync(Url(org, $"/{ownerInvitation}/resend"), null), HttpStatusCode.Forbidden);
        var revoke = await AssertProblemAsync(await carol.DeleteAsync(Url(org, $"/{ownerInvitation}")), HttpStatusCode.Forbidden);
        Assert.All([resend, revoke], p => Assert.Equal("OnlyTopRoleChangesTopRole", p.GetProperty("code").GetString()));
        Assert.Equal((InvitationStatus.Pending, 1), ((await InvitationAsync(ownerInvitation)).Status, (await InvitationAsync(ownerInvitation)).SendCount));
        Assert.Equal(HttpStatusCode.OK, (await carol.PostAsync(Url(org, $"/{invitationId}/resend"), null)).StatusCode);
    }

    [Fact]
    public async Task WhoMustNot_EachRefused_NothingResentOrRevoked()
    {
        var (org, invitationId, _, _) = await OwnAsync();
        var callers = await RefusedApiCallers.CreateAsync(portal, org);

        await callers.AssertEachRefusedAsync(client => client.GetAsync(Url(org)), isRead: true);
        await callers.AssertEachRefusedAsync(client => client.PostAsync(Url(org, $"/{invitationId}/resend"), null));
        await callers.AssertEachRefusedAsync(client => client.DeleteAsync(Url(org, $"/{invitationId}")));

        var invitation = await InvitationAsync(invitationId);
        Assert.Equal((InvitationStatus.Pending, 1), (invitation.Status, invitation.SendCount));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.OrganizationId == org.OrganizationId && m.ToAddress == Gina(org)));
        Assert.Equal(MembershipStatus.Invited, (await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId)).Status);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.OrganizationId == org.OrganizationId
            && (e.Action == "membership.invitation_resent" || e.Action == "membership.invitation_revoked")));
    }
}

public sealed class SqliteInvitationApiEndpointTests(ApiKestrelPortal portal) : InvitationApiEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresInvitationApiEndpointTests(PostgresApiKestrelPortal portal) : InvitationApiEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
