using System.Net;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// A sign-in reads the organizations, their modes and mappings from the parent's snapshot, reused while its stamps
/// hold: a change committed between two sign-ins, through the settings service or straight into the database (another
/// instance, the CLI, a hand-written UPDATE that nothing in this process hears of), is what the next sign-in obeys.
/// Acme's chat organization provisions just in time; the first sign-in of each test builds the snapshot.
/// </summary>
public abstract class SamlJitSignInSnapshotTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_ModeSwitchedToManualBetweenSignIns_ProvisionsNoOneNext(bool throughTheSettings)
    {
        await SaveJitAsync(staffRole: Role.User);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", Engineering)).StatusCode);

        if (throughTheSettings)
        {
            await SaveModeAsync(ProvisioningMode.Manual);
        }
        else
        {
            await using var db = await Factory.CreateDbContextAsync();
            await db.Organizations.Where(o => o.Id == Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Manual));
        }

        var next = await SignInAsync("gina@acme.test", "okta-gina", Engineering);

        Assert.Equal(HttpStatusCode.Forbidden, next.StatusCode);
        Assert.Null(await MembershipAsync("gina@acme.test"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_MappingChangedBetweenSignIns_GivesTheNewRole(bool throughTheSettings)
    {
        await SaveJitAsync(staffRole: Role.User);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", Engineering)).StatusCode);

        if (throughTheSettings)
        {
            await SaveJitAsync(staffRole: Role.Admin);
        }
        else
        {
            await using var db = await Factory.CreateDbContextAsync();
            Assert.Equal(1, await db.GroupMappings.Where(m => m.OrganizationId == Demo.AcmeChat && m.GroupExternalId == Staff)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, Role.Admin)));
        }

        var next = await SignInAsync("gina@acme.test", "okta-gina", Staff);

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal((Role.Admin, MembershipStatus.Active), await RoleAndStatusAsync("gina@acme.test"));
    }

    private async Task SaveModeAsync(ProvisioningMode mode)
    {
        var alice = Demo.Person("alice@acme.test");
        var settings = Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var view = await settings.GetAsync(Demo.AcmeChat, alice);
        var draft = view!.Saved with { Mode = mode };
        var saved = await settings.SaveAsync(Demo.AcmeChat, draft, alice, (await settings.PreviewAsync(Demo.AcmeChat, draft, alice)).AffectedOthers);
        Assert.True(saved.Errors.Count == 0, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    private async Task<Membership?> MembershipAsync(string email)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == Demo.AcmeChat && m.Person!.Email == email);
    }

    private async Task<(Role, MembershipStatus)?> RoleAndStatusAsync(string email) =>
        await MembershipAsync(email) is { } membership ? (membership.Role, membership.Status) : null;
}

public sealed class SqliteSamlJitSignInSnapshotTests() : SamlJitSignInSnapshotTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlJitSignInSnapshotTests() : SamlJitSignInSnapshotTests(new PostgresPortalFixture());
