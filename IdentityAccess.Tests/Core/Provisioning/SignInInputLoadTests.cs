using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

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

    private Task<string> ScopedLoadAsync(Guid personId) => AcmeEngineInputs.ScopedAsync(portal, personId);

    private Task<string> SignInLoadAsync(Guid personId) => AcmeEngineInputs.SignInAsync(portal, personId);
}

public sealed class SqliteSignInInputLoadTests() : SignInInputLoadTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSignInInputLoadTests() : SignInInputLoadTests(new PostgresPortalFixture());
