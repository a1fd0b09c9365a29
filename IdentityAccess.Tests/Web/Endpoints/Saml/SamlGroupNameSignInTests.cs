using System.Net;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.GroupNames;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// Sign-ins through the ACS from an IdP that sends group names (the Okta preset as it is). Acme has a SCIM directory:
/// names become its group ids, and a name it lacks is left out and audited. Globex has none: names are recorded at
/// sign-in, mapped by name in a JIT organization, and a rename in the IdP, told by the parent admin, keeps the mapping.
/// </summary>
public abstract class SamlGroupNameSignInTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    private const string DemoOwners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";
    private const string DemoAdmins = "6f1c2a9e-0002-4c1e-9a10-acme00000002";
    private const string DemoUsers = "6f1c2a9e-0003-4c1e-9a10-acme00000003";

    private Guid Alice => Demo.Person("alice@acme.test");

    private Guid Grace => Demo.Person("grace@globex.test");

    private T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    private async Task<HttpResponseMessage> SignInAsync(Guid parent, string email, string subject, params string[] groups)
    {
        var login = await StartAsync("/", parent);
        return await PostAcsAsync(login, Response(login.RequestId, email, subject, groups));
    }

    private async Task SaveJitAsync(Guid organizationId, Guid person, ProvisioningDraft draft)
    {
        var settings = Service<ProvisioningSettingsService>();
        var preview = await settings.PreviewAsync(organizationId, draft, person);
        Assert.True(preview.Errors.Count == 0, string.Join("; ", preview.Errors.Select(e => e.Message)));
        var saved = await settings.SaveAsync(organizationId, draft, person, preview.NeedsTypedConfirmation ? preview.AffectedOthers : null);
        Assert.True(saved.Errors.Count == 0, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    private async Task<int> BaseVersionAsync(Guid organizationId, Guid person) =>
        (await Service<ProvisioningSettingsService>().GetAsync(organizationId, person))!.Saved.BaseVersion;

    private async Task<Membership?> MembershipAsync(Guid organizationId, string email)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.Person!.Email == email);
    }

    /// <summary>Globex connected to the same Okta, with the preset as it is: groups arrive as names.</summary>
    private async Task ConnectGlobexAsync()
    {
        var connections = Service<SamlConnectionService>();
        Assert.Null(await connections.ImportMetadataAsync(Demo.GlobexParent, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)),
            SamlAttributePreset.Okta, Grace));
        Assert.Null(await connections.SetEnabledAsync(Demo.GlobexParent, true, Grace));
    }

    [Fact]
    public async Task ParentWithScim_GroupNamesBecomeDirectoryIds_AndAnUnknownNameIsLeftOutAndAudited()
    {
        Assert.Null(await Service<SamlAttributeNamesService>().SetAsync(AcmeParent, SamlAttributePreset.Okta,
            SamlAttributePresets.Names(SamlAttributePreset.Okta), Alice));
        await SaveJitAsync(Demo.AcmeChat, Alice, new ProvisioningDraft(ProvisioningMode.Jit, true,
            [new RoleMapping(DemoOwners, Role.Owner), new RoleMapping(DemoAdmins, Role.Admin), new RoleMapping(DemoUsers, Role.User)], [], null,
            await BaseVersionAsync(Demo.AcmeChat, Alice)));

        var acs = await SignInAsync(AcmeParent, "frank@acme.test", "okta-frank", "Anthropic-Claude-Admins", "Everyone");

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal(Role.Admin, (await MembershipAsync(Demo.AcmeChat, "frank@acme.test"))!.Role);
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal([DemoAdmins], (await db.SamlIdentityLinks.SingleAsync(l => l.Subject == "okta-frank")).LastSignInGroups);
        var reported = await db.AuditEvents.SingleAsync(e => e.Action == "sso.group-names-unresolved");
        Assert.Contains("Everyone", reported.After, StringComparison.Ordinal);
        Assert.Contains("no group of the directory has that name", reported.After, StringComparison.Ordinal);
        Assert.False(await db.SignInGroups.AnyAsync()); // with a directory, nothing is recorded
    }

    [Fact]
    public async Task JitOnlyParent_GroupSeenAtSignInIsOffered_AndMappingItByNameGivesTheRoleAtTheNextSignIn()
    {
        await ConnectGlobexAsync();
        await SaveJitAsync(Demo.GlobexTeam, Grace, new ProvisioningDraft(ProvisioningMode.Jit, false, [], [], null, await BaseVersionAsync(Demo.GlobexTeam, Grace)));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Demo.GlobexParent, "ivy@globex.test", "okta-ivy", "Globex Engineers")).StatusCode);

        // The mapping table offers the name Ivy's sign-in carried; picking it maps its key.
        var offered = Assert.Single((await Service<ProvisioningSettingsService>().GetAsync(Demo.GlobexTeam, Grace))!.Groups,
            g => g.DisplayName == "Globex Engineers (seen at sign-in)");
        await SaveJitAsync(Demo.GlobexTeam, Grace, new ProvisioningDraft(ProvisioningMode.Jit, true, [new RoleMapping(offered.Key, Role.Admin)], [], Grace,
            await BaseVersionAsync(Demo.GlobexTeam, Grace)));

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Demo.GlobexParent, "ivy@globex.test", "okta-ivy", "globex engineers")).StatusCode);

        Assert.Equal(Role.Admin, (await MembershipAsync(Demo.GlobexTeam, "ivy@globex.test"))!.Role);
    }

    [Fact]
    public async Task JitOnlyParent_GroupRenamedInTheIdP_LosesTheRoleUntilTheParentAdminSaysSo_ThenTheMappingHolds()
    {
        await ConnectGlobexAsync();
        await SaveJitAsync(Demo.GlobexTeam, Grace, new ProvisioningDraft(ProvisioningMode.Jit, false, [], [], null, await BaseVersionAsync(Demo.GlobexTeam, Grace)));
        await SignInAsync(Demo.GlobexParent, "ivy@globex.test", "okta-ivy", "Globex Engineers", "Everyone");
        await SaveJitAsync(Demo.GlobexTeam, Grace, new ProvisioningDraft(ProvisioningMode.Jit, true,
            [new RoleMapping("Globex Engineers", Role.Admin), new RoleMapping("Everyone", Role.User)], [], Grace, await BaseVersionAsync(Demo.GlobexTeam, Grace)));

        // Renamed in Okta: the new name is a group the portal has never seen, so it maps to nothing.
        await SignInAsync(Demo.GlobexParent, "ivy@globex.test", "okta-ivy", "Platform Engineering", "Everyone");
        Assert.Equal(Role.User, (await MembershipAsync(Demo.GlobexTeam, "ivy@globex.test"))!.Role);

        Assert.Null(await Service<SignInGroupService>().RenameAsync(Demo.GlobexParent, "Globex Engineers", "Platform Engineering", Grace));
        await SignInAsync(Demo.GlobexParent, "ivy@globex.test", "okta-ivy", "Platform Engineering", "Everyone");

        Assert.Equal(Role.Admin, (await MembershipAsync(Demo.GlobexTeam, "ivy@globex.test"))!.Role);
        var settings = await Service<ProvisioningSettingsService>().GetAsync(Demo.GlobexTeam, Grace);
        Assert.Contains(new RoleMapping("Globex Engineers", Role.Admin), settings!.Saved.RoleMappings); // the key never changed
        Assert.Contains(settings.Groups, g => g.Key == "Globex Engineers" && g.DisplayName == "Platform Engineering (seen at sign-in)");
    }
}

public sealed class SqliteSamlGroupNameSignInTests() : SamlGroupNameSignInTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlGroupNameSignInTests() : SamlGroupNameSignInTests(new PostgresPortalFixture());
