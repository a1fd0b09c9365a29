using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Organizations;

/// <summary>Granting and revoking the parent admin role: among the parent's members, never leaving none, audited.</summary>
public abstract class ParentAdministrationTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private ParentAdministration Service => portal.Factory.Services.GetRequiredService<ParentAdministration>();

    private Guid Acme => portal.Demo.AcmeParent;

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    [Fact]
    public async Task Grant_MemberOfAnOrganizationOfTheParent_AddsTheAdminWithAnAuditEvent()
    {
        Assert.Null(await Service.GrantAsync(Acme, " Oscar@Acme.test ", Alice));

        var admins = (await Service.ListAsync(Acme, Alice))!;
        Assert.Equal(["Alice Anders", "Oscar Ortiz"], admins.Select(a => a.DisplayName));
        Assert.Equal("Alice Anders", admins.Single(a => a.Email == "oscar@acme.test").GrantedBy);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "parent.admin_granted");
        Assert.Equal(("oscar@acme.test", Acme, Alice), (audit.Target, audit.ParentOrganizationId!.Value, audit.ActorPersonId!.Value));
    }

    [Theory]
    [InlineData("hank@globex.test")]   // a member of another parent's organization
    [InlineData("nobody@acme.test")]   // nobody at all
    [InlineData("   ")]
    public async Task Grant_SomeoneNotAMemberUnderTheParent_RefusedOnTheEmailField(string email)
    {
        var refused = await Service.GrantAsync(Acme, email, Alice);

        Assert.Equal(("email", RefusalCategory.InvalidInput), (Assert.IsAssignableFrom<InvalidInputError>(refused).Field, refused!.Category));
        await AssertAdminsAsync(Alice);
    }

    [Fact]
    public async Task Grant_AnAdminAgain_Conflict() =>
        Assert.IsType<AlreadyParentAdmin>(await Service.GrantAsync(Acme, "alice@acme.test", Alice));

    [Fact]
    public async Task Revoke_TheLastAdmin_RefusedAndNothingChanged()
    {
        var refused = await Service.RevokeAsync(Acme, Alice, Alice);

        Assert.Equal(RefusalCategory.Conflict, Assert.IsType<LastParentAdmin>(refused).Category);
        await AssertAdminsAsync(Alice);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action.StartsWith("parent.")));
    }

    [Fact]
    public async Task Revoke_Oneself_WhileAnotherRemains_Allowed()
    {
        Assert.Null(await Service.GrantAsync(Acme, "bob@acme.test", Alice));

        Assert.Null(await Service.RevokeAsync(Acme, Alice, Alice));

        await AssertAdminsAsync(portal.Demo.Person("bob@acme.test"));
        // The last one left cannot go either.
        Assert.IsType<LastParentAdmin>(await Service.RevokeAsync(Acme, portal.Demo.Person("bob@acme.test"), portal.Demo.Person("bob@acme.test")));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal("""{"Admin":"Alice Anders"}""", (await db.AuditEvents.SingleAsync(e => e.Action == "parent.admin_revoked")).Before);
    }

    [Fact]
    public async Task Revoke_SomeoneWhoIsNoAdmin_NotFound() =>
        Assert.IsType<ParentAdminNotFound>(await Service.RevokeAsync(Acme, portal.Demo.Person("bob@acme.test"), Alice));

    [Fact]
    public async Task Operator_GrantsAndRevokes_AuditedAsTheOperator()
    {
        Assert.Null(await Service.GrantAsOperatorAsync(Acme, "oscar@acme.test"));
        Assert.Null(await Service.RevokeAsOperatorAsync(Acme, "alice@acme.test"));
        Assert.IsType<LastParentAdmin>(await Service.RevokeAsOperatorAsync(Acme, "oscar@acme.test"));

        await AssertAdminsAsync(portal.Demo.Person("oscar@acme.test"));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.All(await db.AuditEvents.Where(e => e.Action.StartsWith("parent.admin")).ToListAsync(),
            e => Assert.Equal(("Operator command line", null), (e.Actor, e.ActorPersonId)));
    }

    [Fact]
    public async Task List_ForTheTopRoleOfASiblingOrganization_ReadOnlyButVisible_ForAnotherParentsAdmin_Hidden()
    {
        Assert.NotNull(await Service.ListAsync(Acme, portal.Demo.Person("oscar@acme.test"))); // the parent page is read-only for him
        Assert.Null(await Service.ListAsync(Acme, portal.Demo.Person("bob@acme.test")));       // a chat Admin does not open it
        Assert.NotNull(await Service.ListThroughOrganizationAsync(portal.Demo.AcmeChat, portal.Demo.Person("bob@acme.test"))); // but sees who decides
        Assert.Null(await Service.ListAsync(Acme, portal.Demo.Person("grace@globex.test")));
    }

    private async Task AssertAdminsAsync(params Guid[] expected)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(expected.Order(), (await db.ParentAdministrators.Where(a => a.ParentOrganizationId == Acme).Select(a => a.PersonId).ToListAsync()).Order());
    }
}

public sealed class SqliteParentAdministrationTests() : ParentAdministrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresParentAdministrationTests() : ParentAdministrationTests(new PostgresPortalFixture());
