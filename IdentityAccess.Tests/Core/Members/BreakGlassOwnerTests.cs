using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>
/// The break-glass owner is how an organization gets back in when its IdP goes wrong: only a parent admin removes or
/// demotes them, or clears or replaces the designation (issue 16). Acme: Bob and Dave made Owners by Alice (an Owner
/// and Acme's parent admin), Bob designated as the break-glass owner.
/// </summary>
public abstract class BreakGlassOwnerTests(PortalFixture portal) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        await MakeOwnerAsync("bob@acme.test", SeatTier.Premium);
        await MakeOwnerAsync("dave@acme.test", SeatTier.Standard);
        Assert.Empty(await SaveBreakGlassAsync(Person("bob@acme.test"), Person("alice@acme.test")));
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private MemberAdministration Members => portal.Factory.Services.GetRequiredService<MemberAdministration>();

    private Guid Acme => portal.Demo.AcmeChat;

    private Guid Person(string email) => portal.Demo.Person(email);

    [Fact]
    public async Task RemoveOrDemote_ByAnOwnerWhoIsNotAParentAdmin_RefusedAndNothingChanged()
    {
        var bob = await MembershipIdAsync("bob@acme.test");

        var removed = await Members.RemoveAsync(Acme, bob, Person("dave@acme.test"));
        var demoted = await Members.ChangeRoleAsync(Acme, bob, Role.User, SeatTier.Premium, Person("dave@acme.test"));

        Assert.StartsWith("The break-glass owner is how this organization gets back in when its IdP goes wrong: removing or demoting them is for the parent organization's admins",
            Assert.IsType<BreakGlassOwnerProtected>(Assert.Single(removed)).Message, StringComparison.Ordinal);
        Assert.IsType<BreakGlassOwnerProtected>(Assert.Single(demoted));
        await AssertBobStillTheBreakGlassOwnerAsync();
    }

    [Fact]
    public async Task Remove_ByAParentAdmin_AllowedAndTheDesignationCleared()
    {
        Assert.Empty(await Members.RemoveAsync(Acme, await MembershipIdAsync("bob@acme.test"), Person("alice@acme.test")));

        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Null(await db.Organizations.Where(o => o.Id == Acme).Select(o => o.BreakGlassPersonId).SingleAsync());
        Assert.Equal(MembershipStatus.Removed, await db.Memberships.Where(m => m.OrganizationId == Acme && m.PersonId == Person("bob@acme.test")).Select(m => m.Status).SingleAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "provisioning.break_glass_cleared"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dave@acme.test")]
    public async Task SaveSettings_AnOwnerClearsOrReplacesTheDesignation_RefusedAndNothingChanged(string? replacement)
    {
        var errors = await SaveBreakGlassAsync(replacement is null ? null : Person(replacement), Person("dave@acme.test"));

        Assert.IsType<BreakGlassChangeNotAllowed>(Assert.Single(errors));
        await AssertBobStillTheBreakGlassOwnerAsync();
    }

    [Fact]
    public async Task SaveSettings_AParentAdminClearsTheDesignation_Allowed()
    {
        Assert.Empty(await SaveBreakGlassAsync(null, Person("alice@acme.test")));
    }

    [Fact]
    public async Task SaveSettings_AnOwnerDesignatesWhenNoneIsSet_Allowed()
    {
        Assert.Empty(await SaveBreakGlassAsync(null, Person("alice@acme.test")));

        Assert.Empty(await SaveBreakGlassAsync(Person("dave@acme.test"), Person("dave@acme.test")));
    }

    private async Task MakeOwnerAsync(string email, SeatTier tier) =>
        Assert.Empty(await Members.ChangeRoleAsync(Acme, await MembershipIdAsync(email), Role.Owner, tier, Person("alice@acme.test")));

    private async Task<IReadOnlyList<IdentityAccess.Core.Common.Error>> SaveBreakGlassAsync(Guid? breakGlass, Guid acting)
    {
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = (await settings.GetAsync(Acme, acting))!.Saved with { BreakGlassPersonId = breakGlass };
        return (await settings.SaveAsync(Acme, draft, acting, null)).Errors;
    }

    private async Task<Guid> MembershipIdAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == Acme && m.PersonId == Person(email)).Select(m => m.Id).SingleAsync();
    }

    private async Task AssertBobStillTheBreakGlassOwnerAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Acme);
        Assert.Equal((Person("bob@acme.test"), 2), (org.BreakGlassPersonId, org.SettingsVersion));
        var bob = await db.Memberships.AsNoTracking().SingleAsync(m => m.OrganizationId == Acme && m.PersonId == Person("bob@acme.test"));
        Assert.Equal((Role.Owner, MembershipStatus.Active), (bob.Role, bob.Status));
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == "membership.removed" || e.Action == "provisioning.break_glass_cleared"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "provisioning.settings_changed"));
    }
}

public sealed class SqliteBreakGlassOwnerTests() : BreakGlassOwnerTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresBreakGlassOwnerTests() : BreakGlassOwnerTests(new PostgresPortalFixture());
