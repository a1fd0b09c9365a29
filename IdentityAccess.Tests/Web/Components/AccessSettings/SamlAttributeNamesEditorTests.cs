using Bunit;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.GroupNames;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>
/// The Attribute names editor and the Groups seen at sign-in panel on the seeded demo, through the real services:
/// a parent admin changes and saves, an organization admin who is not a parent admin only reads.
/// </summary>
public sealed class SamlAttributeNamesEditorTests : ComponentTest, IClassFixture<SqlitePortalFixture>
{
    private readonly SqlitePortalFixture _portal;

    public SamlAttributeNamesEditorTests(SqlitePortalFixture portal)
        : base(services =>
        {
            services.AddSingleton(_ => portal.Factory.Services.GetRequiredService<SamlAttributeNamesService>());
            services.AddSingleton(_ => portal.Factory.Services.GetRequiredService<SignInGroupService>());
        }) => _portal = portal;

    private ParentSettingsScope AcmeScope(string email, Guid organizationId, bool canManage) =>
        new(_portal.Demo.AcmeParent, "Acme Corporation", organizationId, _portal.Demo.Person(email), canManage);

    private async Task<SamlConnection> ConnectionAsync(Guid parentId)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.SamlConnections.AsNoTracking().SingleAsync(c => c.ParentOrganizationId == parentId);
    }

    [Fact]
    public async Task ParentAdmin_ChangesAName_AndSaves_TheConnectionReadsIt()
    {
        var editor = Render<SamlAttributeNamesEditor>(p => p
            .Add(c => c.Scope, AcmeScope("alice@acme.test", _portal.Demo.AcmeChat, canManage: true))
            .Add(c => c.ConnectionUpdatedAt, DateTimeOffset.UnixEpoch));
        editor.WaitForElement("input[data-testid='attribute-groups'], [data-testid='attribute-groups'] input");
        Assert.True(editor.Find("button[data-testid='save-attribute-names']").HasAttribute("disabled")); // nothing changed yet

        editor.Find("input[data-testid='attribute-groups'], [data-testid='attribute-groups'] input").Change("oktaGroups");
        editor.Find("button[data-testid='save-attribute-names']").Click();

        editor.WaitForElement("[data-testid='attribute-names-saved']");
        Assert.Equal("oktaGroups", (await ConnectionAsync(_portal.Demo.AcmeParent)).Profile.GroupsAttribute);
        Assert.NotEmpty(editor.FindAll("[data-testid='changed-from-preset']"));
    }

    [Fact]
    public void OrganizationAdminWhoIsNotAParentAdmin_SeesTheNames_ReadOnly()
    {
        // Oscar is the top role of Acme Labs, a sibling organization: he may open its page, not change what the parent owns.
        var editor = Render<SamlAttributeNamesEditor>(p => p
            .Add(c => c.Scope, AcmeScope("oscar@acme.test", _portal.Demo.AcmeLabs, canManage: false))
            .Add(c => c.ConnectionUpdatedAt, DateTimeOffset.UnixEpoch)
            .Add(c => c.ReadOnly, true));
        editor.WaitForElement("input[data-testid='attribute-email'], [data-testid='attribute-email'] input");

        Assert.True(editor.Find("input[data-testid='attribute-email'], [data-testid='attribute-email'] input").HasAttribute("disabled"));
        Assert.Empty(editor.FindAll("[data-testid='save-attribute-names']"));
        Assert.Empty(editor.FindAll("[data-testid='fill-from-preset']"));
        Assert.Contains("Only the parent organization's admins", editor.Find("[data-testid='attribute-names-read-only']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInGroupsPanel_ParentAdminRenamesAGroup_TheKeyStays()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await SamlGroupNames.ResolveAsync(db, _portal.Demo.GlobexParent, SamlGroupsFormat.Names, ["Globex Engineers"], record: true, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var grace = _portal.Demo.Person("grace@globex.test");
        var panel = Render<SignInGroupsPanel>(p => p.Add(c => c.Scope, new ParentSettingsScope(_portal.Demo.GlobexParent, "Globex", _portal.Demo.GlobexTeam, grace, true)));
        panel.WaitForElement("[data-testid='signin-group-rename']").Click();
        panel.Find("input[data-testid='signin-group-new-name'], [data-testid='signin-group-new-name'] input").Input("Platform Engineering");
        panel.Find("button[data-testid='signin-group-rename-save']").Click();

        panel.WaitForAssertion(() => Assert.Contains("Platform Engineering", panel.Find("[data-testid='signin-group']").TextContent, StringComparison.Ordinal));
        await using var check = await _portal.Factory.CreateDbContextAsync();
        var group = await check.SignInGroups.SingleAsync(g => g.ParentOrganizationId == _portal.Demo.GlobexParent);
        Assert.Equal(("Globex Engineers", "Platform Engineering"), (group.Key, group.Name));
    }
}
