using System.Text.Json;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// The sign-in's own reads of the engine's input (the held top-role changes and seats held in one compiled statement,
/// the pending queue and the directory user compiled for one person) give the scoped load's input, row for row:
/// with full seat pools, a queue, counter changes not folded yet, and directory users in this parent and another.
/// </summary>
public abstract class SignInInputSeatsTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task LoadForSignInAsync_SeatsFullAndAQueue_SomeoneHoldingASeat_ReadsTheQueueAsTheScopedLoad()
    {
        var erin = portal.Demo.Person("erin@acme.test");
        await FillPoolsAsync();
        await AddPendingAsync(erin, SeatTier.Standard);
        var carol = portal.Demo.Person("carol@acme.test"); // holds a Standard seat, which her sign-in may free

        var loaded = await SignInLoadAsync(carol);

        Assert.Equal(await ScopedLoadAsync(carol), loaded);
        Assert.Contains(erin.ToString(), loaded, StringComparison.Ordinal); // the queue is in the input
    }

    [Fact]
    public async Task LoadForSignInAsync_SeatsFullAndAQueue_SomeoneWithoutASeat_LeavesTheQueueOutAsTheScopedLoad()
    {
        var erin = portal.Demo.Person("erin@acme.test");
        await FillPoolsAsync();
        await AddPendingAsync(erin, SeatTier.Standard);
        var oscar = portal.Demo.Person("oscar@acme.test"); // not a member of Acme: no seat of his can come free

        var loaded = await SignInLoadAsync(oscar);

        Assert.Equal(await ScopedLoadAsync(oscar), loaded);
        Assert.DoesNotContain(erin.ToString(), loaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadForSignInAsync_AFreeSeatAndAQueue_ReadsTheQueueForAnyoneAsTheScopedLoad()
    {
        var erin = portal.Demo.Person("erin@acme.test");
        await AddPendingAsync(erin, SeatTier.Premium); // the demo's pools have free seats: erin is admitted by any reconcile
        var oscar = portal.Demo.Person("oscar@acme.test");

        var loaded = await SignInLoadAsync(oscar);

        Assert.Equal(await ScopedLoadAsync(oscar), loaded);
        Assert.Contains(erin.ToString(), loaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadForSignInAsync_SeatCounterChangesNotFolded_CountedAsTheScopedLoad()
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            // What a writer leaves for the next fold on PostgreSQL: two rows of one tier, summed with the counter.
            db.SeatHoldingChanges.AddRange(
                new SeatHoldingChange { OrganizationId = portal.Demo.AcmeChat, Tier = nameof(SeatTier.Premium), Delta = 5, ListedDelta = 5 },
                new SeatHoldingChange { OrganizationId = portal.Demo.AcmeChat, Tier = nameof(SeatTier.Premium), Delta = 3, ListedDelta = 3 });
            await db.SaveChangesAsync();
        }

        var bob = portal.Demo.Person("bob@acme.test");
        var loaded = await SignInLoadAsync(bob);

        Assert.Equal(await ScopedLoadAsync(bob), loaded);
        using var input = JsonDocument.Parse(loaded);
        var premium = input.RootElement.GetProperty("Organization").GetProperty("Seats").EnumerateArray()
            .Single(p => p.GetProperty("Tier").ValueKind == JsonValueKind.Number && p.GetProperty("Tier").GetInt32() == (int)SeatTier.Premium);
        Assert.Equal(10 - (2 + 8) + 1, premium.GetProperty("Purchased").GetInt32()); // everyone else's seats taken: alice's, the 8 unfolded; bob's own left
    }

    [Fact]
    public async Task LoadForSignInAsync_DirectoryUsersOfThePersonHereAndUnderAnotherParent_OnlyThisParentsAsTheScopedLoad()
    {
        var bob = portal.Demo.Person("bob@acme.test");
        var elsewhere = DirectoryUser(portal.Demo.GlobexParent, bob, "bob-elsewhere");
        Guid here;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            // Bob's user in Acme's directory (the demo's), and one in Globex's that names the same person.
            here = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == portal.Demo.AcmeParent && u.PersonId == bob).Select(u => u.Id).SingleAsync();
            db.DirectoryUsers.Add(elsewhere);
            await db.SaveChangesAsync();
        }

        var loaded = await SignInLoadAsync(bob);

        Assert.Equal(await ScopedLoadAsync(bob), loaded);
        Assert.Contains(here.ToString(), loaded, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Id.ToString(), loaded, StringComparison.Ordinal); // another tenant's directory is not read into Acme's input
    }

    private static DirectoryUser DirectoryUser(Guid parentId, Guid personId, string userName) => new()
    {
        ParentOrganizationId = parentId,
        PersonId = personId,
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Acme's pools bought down to the seats its members hold: Premium 2 (alice, bob), Standard 2 (carol, dave).</summary>
    private async Task FillPoolsAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 2));
    }

    private async Task AddPendingAsync(Guid personId, SeatTier tier)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.Memberships.Add(new Membership
        {
            OrganizationId = portal.Demo.AcmeChat,
            PersonId = personId,
            Role = Role.User,
            SeatTier = tier,
            Status = MembershipStatus.PendingSeat,
            Source = MembershipSource.Jit,
            CreatedAt = DateTimeOffset.UtcNow,
            StatusChangedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private Task<string> ScopedLoadAsync(Guid personId) => AcmeEngineInputs.ScopedAsync(portal, personId);

    private Task<string> SignInLoadAsync(Guid personId) => AcmeEngineInputs.SignInAsync(portal, personId);
}

public sealed class SqliteSignInInputSeatsTests() : SignInInputSeatsTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSignInInputSeatsTests() : SignInInputSeatsTests(new PostgresPortalFixture());
