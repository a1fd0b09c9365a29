using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// A reconcile of a large organization collects its heap once it is done (<see cref="ReconcileHeapRelease"/>): here
/// "large" is lowered to one person, so Acme's Sync now counts as one.
/// </summary>
public abstract class ReconcileHeapReleaseTests(PortalFixture portal) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        portal.Settings["Provisioning:ReconcileHeap:ReleaseFromPeople"] = "1";
        await portal.InitializeAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Sync_now_collects_the_heap_once_for_the_organization_it_reconciled()
    {
        var alice = portal.Demo.Person("alice@acme.test");
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(portal.Demo.AcmeChat, draft, alice);
        Assert.Empty((await settings.SaveAsync(portal.Demo.AcmeChat, draft, alice, preview.AffectedOthers)).Errors);
        var heap = portal.Factory.Services.GetRequiredService<ReconcileHeapRelease>();
        var released = heap.Released;
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);

        var outcome = await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(portal.Demo.AcmeChat, alice);

        Assert.Null(outcome.Refusal);
        Assert.Equal(released + 1, heap.Released);
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections);
    }

    [Fact]
    public async Task A_refused_sync_now_reconciles_nothing_and_collects_nothing()
    {
        // Globex's owner has no right in Acme: refused before any organization is loaded.
        var heap = portal.Factory.Services.GetRequiredService<ReconcileHeapRelease>();
        var released = heap.Released;

        var outcome = await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(portal.Demo.AcmeChat, portal.Demo.Person("grace@globex.test"));

        Assert.NotNull(outcome.Refusal);
        Assert.Equal(released, heap.Released);
    }
}

public sealed class SqliteReconcileHeapReleaseTests() : ReconcileHeapReleaseTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresReconcileHeapReleaseTests() : ReconcileHeapReleaseTests(new PostgresPortalFixture());

/// <summary>The threshold itself, without an app.</summary>
public sealed class ReconcileHeapThresholdTests
{
    [Theory]
    [InlineData(100_000, 99_999, 0)]
    [InlineData(100_000, 100_000, 1)]
    [InlineData(100_000, 1_000_000, 1)]
    [InlineData(0, 1_000_000, 0)] // 0 never collects
    public void Collects_from_the_configured_size_only(int from, int people, int expected)
    {
        var heap = new ReconcileHeapRelease(Options.Create(new ReconcileHeapOptions { ReleaseFromPeople = from }));
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);

        heap.After(people);

        Assert.Equal(expected, heap.Released);
        if (expected == 1)
        {
            Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections);
        }
    }
}
