using System.Text.Json;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Provisioning.Snapshots;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// A sign-in's engine input (<see cref="ProvisioningInputLoader.LoadForSignInAsync"/>), built with the person's own
/// rows read once for every organization of the parent, is the scoped load of that person, row for row, whoever
/// else joins the scope; and those rows are the person's in this parent only.
/// </summary>
public abstract class SignInInputLoadTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    [Theory]
    [InlineData("bob@acme.test")] // a member of Acme
    [InlineData("oscar@acme.test")] // Acme Labs' admin, not a member of Acme
    public async Task LoadForSignInAsync_IsTheScopedLoadOfThePerson(string email)
    {
        Assert.Equal(await ScopedLoadAsync(portal.Demo.Person(email)), await SignInLoadAsync(portal.Demo.Person(email)));
    }

    [Fact]
    public async Task LoadForSignInAsync_HeldTopRoleChangeOfSomeoneElse_TheyAreLoadedAsInTheScopedLoad()
    {
        var (alice, bob) = (portal.Demo.Person("alice@acme.test"), portal.Demo.Person("bob@acme.test"));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.HeldTopRoleChanges.Add(new HeldTopRoleChange
            {
                OrganizationId = portal.Demo.AcmeChat,
                PersonId = alice,
                Change = ChangeKind.Demote,
                FromRole = Role.Owner,
                ToRole = Role.User,
                ToStatus = MembershipStatus.Active,
                RequestedBy = "SAML sign-in",
                Reason = "Group Staff.",
                HeldAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var loaded = await SignInLoadAsync(bob);

        Assert.Equal(await ScopedLoadAsync(bob), loaded);
        Assert.Contains(alice.ToString(), loaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonMembershipsAsync_AMembershipUnderAnotherParent_LeftOut()
    {
        var bob = portal.Demo.Person("bob@acme.test");
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.Memberships.Add(new Membership
        {
            OrganizationId = portal.Demo.GlobexTeam,
            PersonId = bob,
            Role = Role.Admin,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = DateTimeOffset.UtcNow,
            StatusChangedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();

        var memberships = await ProvisioningInputLoader.PersonMembershipsAsync(db, portal.Demo.AcmeParent, bob, CancellationToken.None);

        var acme = await db.Organizations.Where(o => o.ParentOrganizationId == portal.Demo.AcmeParent).Select(o => o.Id).ToListAsync();
        var expected = await db.Memberships.Where(m => m.PersonId == bob && acme.Contains(m.OrganizationId)).Select(m => m.OrganizationId).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), memberships.Select(m => m.OrganizationId).Order());
        Assert.All(memberships, m => Assert.Equal(bob, m.Row.PersonId));
    }

    /// <summary>The scoped load of one person, as every path but the sign-in reads it; as JSON, so lists compare by content.</summary>
    private async Task<string> ScopedLoadAsync(Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var (snapshot, acme) = await AcmeAsync(db);
        var input = await ProvisioningInputLoader.LoadAsync(db, acme, snapshot.SavedSettings[acme.Id], snapshot.GroupNames,
            new ReconcileScope().AddPeople([personId]), CancellationToken.None);
        return JsonSerializer.Serialize(input);
    }

    private async Task<string> SignInLoadAsync(Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var (snapshot, acme) = await AcmeAsync(db);
        var memberships = await ProvisioningInputLoader.PersonMembershipsAsync(db, portal.Demo.AcmeParent, personId, CancellationToken.None);
        var input = await ProvisioningInputLoader.LoadForSignInAsync(db, acme, snapshot.SavedSettings[acme.Id], snapshot.GroupNames, personId,
            memberships, CancellationToken.None);
        return JsonSerializer.Serialize(input);
    }

    private async Task<(ParentSnapshot Snapshot, OrganizationSnapshot Acme)> AcmeAsync(IdentityAccessDbContext db)
    {
        var snapshot = (await portal.Factory.Services.GetRequiredService<ParentSnapshots>().CurrentAsync(db, portal.Demo.AcmeParent, CancellationToken.None))!;
        return (snapshot, snapshot.Organizations.Single(o => o.Id == portal.Demo.AcmeChat));
    }
}

public sealed class SqliteSignInInputLoadTests() : SignInInputLoadTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSignInInputLoadTests() : SignInInputLoadTests(new PostgresPortalFixture());
