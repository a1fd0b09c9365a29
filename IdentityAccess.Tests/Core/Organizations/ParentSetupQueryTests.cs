using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Organizations;

/// <summary>The parent's first-run checklist, read from what is saved, and only for those who may view the parent.</summary>
public abstract class ParentSetupQueryTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private ParentSetupQuery Query => portal.Factory.Services.GetRequiredService<ParentSetupQuery>();

    private Guid Acme => portal.Demo.AcmeParent;

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    [Fact]
    public async Task Get_FreshParent_NothingDoneButTheOrganization_ThenEachStepAsItIsSaved()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.Organizations.Where(o => o.ParentOrganizationId == Acme).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.ProvisioningMode, ProvisioningMode.Manual).SetProperty(o => o.AdvancedGroupMappingsEnabled, false));
        await db.ScimTokens.Where(t => t.ParentOrganizationId == Acme).ExecuteDeleteAsync();
        await db.SamlConnections.Where(c => c.ParentOrganizationId == Acme).ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, false));
        await db.VerifiedDomains.Where(d => d.ParentOrganizationId == Acme).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, IdentityAccess.Core.Sso.Domains.DomainStatus.Pending));

        var fresh = (await Query.GetAsync(Acme, Alice))!;
        Assert.Equal((false, false, false, false, false, false, false), (fresh.DomainVerified, fresh.SsoOn, fresh.ScimTokenActive,
            fresh.UsesDirectorySync, fresh.ModeChosen, fresh.GroupsMapped, fresh.IsComplete));
        Assert.Equal(portal.Demo.AcmeChat, fresh.FirstOrganizationId); // "Acme" comes first by name

        await db.VerifiedDomains.Where(d => d.ParentOrganizationId == Acme).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, IdentityAccess.Core.Sso.Domains.DomainStatus.Verified));
        await db.SamlConnections.Where(c => c.ParentOrganizationId == Acme).ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, true));
        await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Jit));
        var jit = (await Query.GetAsync(Acme, Alice))!;
        Assert.True(jit.IsComplete); // JIT needs no SCIM token; group mappings are optional
        Assert.False(jit.UsesDirectorySync);

        await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.ProvisioningMode, ProvisioningMode.Scim).SetProperty(o => o.AdvancedGroupMappingsEnabled, true));
        var scim = (await Query.GetAsync(Acme, Alice))!;
        Assert.False(scim.IsComplete); // directory sync without a token: the IdP cannot push anyone
        Assert.Equal(await db.GroupMappings.AnyAsync(m => m.OrganizationId == portal.Demo.AcmeChat), scim.GroupsMapped);
    }

    [Theory]
    [InlineData("carol@acme.test")] // role User in an organization of the parent
    [InlineData("hank@globex.test")] // another tenant's owner
    public async Task Get_SomeoneWhoMayNotViewTheParent_Nothing(string email)
    {
        Assert.Null(await Query.GetAsync(Acme, portal.Demo.Person(email)));
        Assert.Null(await Query.GetAsync(Acme, null)); // signed out
    }
}

public sealed class SqliteParentSetupQueryTests() : ParentSetupQueryTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresParentSetupQueryTests() : ParentSetupQueryTests(new PostgresPortalFixture());
