using System.Text.Json.Nodes;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.GroupCommit;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Scim.GroupCommit;

/// <summary>
/// Batches reuse the parent's settings, mappings and seat pools from the previous batch while their stamps hold: a
/// change saved between two batches, through the portal or straight into the database, is what the next batch obeys.
/// Acme's chat organization in directory sync without mappings, with no seat free.
/// </summary>
public abstract class ScimCreateBatchSnapshotTests(Func<PortalFixture> newPortal) : IAsyncLifetime
{
    private readonly PortalFixture _portal = newPortal();
    private Guid _parentId;
    private Guid _chat;

    public async Task InitializeAsync()
    {
        _portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1000000";
        await _portal.InitializeAsync();
        _chat = _portal.Demo.AcmeChat;
        await using var db = await _portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == _chat).Select(o => o.ParentOrganizationId).SingleAsync();
        await SaveModeAsync(ProvisioningMode.Scim);
        foreach (var tier in new[] { SeatTier.Premium, SeatTier.Standard })
        {
            var held = await HeldAsync(tier);
            await db.SeatPools.Where(p => p.OrganizationId == _chat && p.Tier == tier).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, held));
        }
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task WriteAsync_mode_switched_to_manual_between_batches_provisions_no_one_next()
    {
        await WriteAsync("ann@acme.test");
        Assert.Equal(MembershipStatus.PendingSeat, await StatusAsync("ann@acme.test"));

        await SaveModeAsync(ProvisioningMode.Manual);
        await WriteAsync("ben@acme.test");

        Assert.Null(await StatusAsync("ben@acme.test"));
    }

    [Fact]
    public async Task WriteAsync_mode_changed_straight_in_the_database_between_batches_is_obeyed()
    {
        await WriteAsync("ann@acme.test");

        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            // Another instance, the CLI or a hand-written UPDATE: nothing in this process hears of it.
            await db.Organizations.Where(o => o.Id == _chat).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Manual));
        }

        await WriteAsync("ben@acme.test");

        Assert.Null(await StatusAsync("ben@acme.test"));
    }

    [Fact]
    public async Task WriteAsync_seats_bought_between_batches_are_handed_out_next()
    {
        await WriteAsync("ann@acme.test");
        Assert.Equal(MembershipStatus.PendingSeat, await StatusAsync("ann@acme.test"));

        var premium = await HeldAsync(SeatTier.Premium);
        Assert.Empty(await _portal.Factory.Services.GetRequiredService<SeatPurchase>().SetPurchasedAsync(_chat, SeatTier.Premium, premium + 2, _portal.Demo.Person("alice@acme.test")));
        await WriteAsync("ben@acme.test");

        // Arrival order: ann, waiting first, takes a seat, then ben the other.
        Assert.Equal((MembershipStatus.Active, MembershipStatus.Active), (await StatusAsync("ann@acme.test"), await StatusAsync("ben@acme.test")));
    }

    private async Task WriteAsync(string userName)
    {
        var document = ScimUserDocument.Sanitize(JsonNode.Parse(
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","active":true,"emails":[{"type":"work","primary":true,"value":"{{userName}}"}]}""")!.AsObject());
        var request = new ScimCreateRequest(document, ScimUserFields.From(document), "http://test/scim/v2", null, default);
        await _portal.Factory.Services.GetRequiredService<ScimCreateBatch>().WriteAsync(_parentId, [request]);
        Assert.IsType<ScimCreateOutcome.Created>(await request.Answer);
    }

    private async Task<MembershipStatus?> StatusAsync(string email)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == _chat && m.Person!.Email == email).Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync();
    }

    private async Task<int> HeldAsync(SeatTier tier)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Memberships.CountAsync(m => m.OrganizationId == _chat && m.SeatTier == tier
            && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked));
    }

    private async Task SaveModeAsync(ProvisioningMode mode)
    {
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var alice = _portal.Demo.Person("alice@acme.test");
        ProvisioningDraft saved;
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            saved = (await ProvisioningInputLoader.LoadSavedDraftAsync(db, _chat, default))!;
        }

        var draft = saved with { Mode = mode };
        var result = await settings.SaveAsync(_chat, draft, alice, (await settings.PreviewAsync(_chat, draft, alice)).AffectedOthers);
        Assert.Empty(result.Errors);
    }
}

public sealed class SqliteScimCreateBatchSnapshotTests() : ScimCreateBatchSnapshotTests(() => new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimCreateBatchSnapshotTests() : ScimCreateBatchSnapshotTests(() => new PostgresPortalFixture());
