using System.Net.Http.Headers;
using System.Text.Json;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.Members;
using IdentityAccess.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Components;

/// <summary>
/// What the prerender carries into the circuit is JSON (persistent component state, System.Text.Json with the web
/// defaults): each snapshot, read for real from the demo, must come back from that JSON whole.
/// </summary>
public sealed class PersistedSnapshotsTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task AccessSettingsSnapshot_ReadFromTheDemo_RoundTripsThroughJson()
    {
        var (org, alice) = (portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test"));
        var services = portal.Factory.Services;
        var snapshot = new AccessSettingsSnapshot(org, alice, await services.GetRequiredService<ProvisioningSettingsService>().GetAsync(org, alice),
            [], SyncStatusSnapshot.From(await services.GetRequiredService<ProvisioningLogReader>().GetStatusAsync(org, alice)), "why not");

        AssertRoundTrips(snapshot);
        Assert.NotNull(snapshot.View);
        Assert.True(PrerenderBudget.Fits(snapshot), "the demo's settings are carried, not read twice");
    }

    [Fact]
    public async Task MembersSnapshot_ReadFromTheDemo_RoundTripsThroughJson()
    {
        var (org, alice) = (portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test"));
        var services = portal.Factory.Services;
        var snapshot = new MembersSnapshot(org, alice, await services.GetRequiredService<IdentityAccess.Core.Seats.SeatLedger>().GetUsageAsync(org),
            await services.GetRequiredService<SeatQueueService>().GetAsync(org, alice),
            await services.GetRequiredService<IdentityAccess.Core.Members.Invitations.InvitationDirectory>().ListPendingAsync(org, alice),
            await services.GetRequiredService<IdentityAccess.Core.Members.MemberDirectory>().GetPageAsync(org, MemberTable.FirstQuery));

        AssertRoundTrips(snapshot);
        Assert.Equal(4, snapshot.FirstPage!.Items.Count);
        Assert.True(PrerenderBudget.Fits(snapshot), "the demo's members page is carried, not read twice");
    }

    [Fact]
    public void Keep_DataOverTheBudget_CarriesNothing_SoTheCircuitReadsAgainAndStillStarts()
    {
        var prerendering = new RendererInfo("Static", isInteractive: false);
        var small = Enumerable.Range(0, 10).Select(i => new string('x', 100)).ToList();
        var large = Enumerable.Range(0, 300).Select(i => new string('x', 100)).ToList();

        Assert.NotNull(PrerenderedData.Keep("org/person", small, prerendering));
        Assert.Null(PrerenderedData.Keep("org/person", large, prerendering));
        Assert.Null(PrerenderedData.Keep("org/person", small, new RendererInfo("Server", isInteractive: true)));

        // Every section of the largest page at its budget, protected and base64-encoded, fits one hub message.
        Assert.True(7 * PrerenderBudget.MaxBytesPerSection * 1.4 < PrerenderBudget.HubMessageLimit);
    }

    [Fact]
    public async Task OrganizationAccess_Granted_RoundTripsThroughJson()
    {
        var access = await portal.Factory.Services.GetRequiredService<OrganizationAccessService>()
            .CheckAsync(portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test"), Permission.ManageMembers);

        Assert.True(access.IsGranted);
        AssertRoundTrips(access);
    }

    [Fact]
    public async Task SectionsData_ReadFromTheDemo_RoundTripThroughJson()
    {
        var (org, alice, oscar) = (portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test"), portal.Demo.Person("oscar@acme.test"));
        var services = portal.Factory.Services;
        var globalSso = new GlobalSsoData((await services.GetRequiredService<DomainService>().ListAsync(org, alice))!,
            await services.GetRequiredService<SamlConnectionService>().GetAsync(org, alice),
            (await services.GetRequiredService<ScimSetupService>().ListAsync(org, alice))!,
            await services.GetRequiredService<ParentAdministration>().ListThroughOrganizationAsync(portal.Demo.AcmeLabs, oscar));

        Assert.NotEmpty(globalSso.Domains);
        Assert.NotEmpty(globalSso.Admins!);
        AssertRoundTrips(new PrerenderedData<GlobalSsoData>(PrerenderedData.For(org, alice), globalSso));
        AssertRoundTrips(new PrerenderedData<HeldTopRoleChangeList?>("held", await services.GetRequiredService<HeldTopRoleChangeService>().ListAsync(org, alice)));
        AssertRoundTrips(new PrerenderedData<ParentMembershipView?>("parent", await services.GetRequiredService<ParentMembership>().GetAsync(org, alice)));
        AssertRoundTrips(new PrerenderedData<int?>("grace", 30));
    }

    [Fact]
    public async Task LogPages_ReadFromTheApp_RoundTripThroughJson()
    {
        var (org, alice) = (portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test"));
        var services = portal.Factory.Services;
        Guid parentId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            parentId = await db.Organizations.Where(o => o.Id == org).Select(o => o.ParentOrganizationId).SingleAsync();
        }

        // A token (an audit entry) and a SCIM request with it (a provisioning log row), through the app itself.
        var (token, _) = await services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(alice, "alice@acme.test"));
        using var scim = portal.CreateClient();
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
        await scim.GetAsync("/scim/v2/Users?count=1");
        await services.FlushProvisioningLogAsync();

        var audit = await services.GetRequiredService<AuditTrail>().GetPageAsync(org, new AuditQuery());
        var log = await services.GetRequiredService<ProvisioningLogReader>().GetPageAsync(org, alice, new ProvisioningLogQuery());

        Assert.NotEmpty(audit.Items);
        Assert.NotEmpty(log!.Items);
        AssertRoundTrips(new PrerenderedData<AuditPage>(PrerenderedData.For(new AuditQuery()), audit));
        AssertRoundTrips(new PrerenderedData<ProvisioningLogPage>(PrerenderedData.For(new ProvisioningLogQuery()), log));
    }

    // Records compare lists by reference, so the JSON of the restored value is compared with the original's.
    private static void AssertRoundTrips<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, _json);
        var restored = JsonSerializer.Deserialize<T>(json, _json);
        Assert.Equal(json, JsonSerializer.Serialize(restored, _json));
    }
}
