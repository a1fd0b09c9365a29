using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>
/// The attribute names of the parent's connection: a preset, then any name changed, by parent admins only, audited;
/// what a metadata import does to them; and how rows from before editable names read.
/// </summary>
public sealed class SamlAttributeNamesServiceTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private Guid _alice;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _alice = _portal.Demo.Person("alice@acme.test");
        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)),
            SamlAttributePreset.Okta, _alice));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private SamlConnectionService Connections => _portal.Factory.Services.GetRequiredService<SamlConnectionService>();

    private SamlAttributeNamesService Names => _portal.Factory.Services.GetRequiredService<SamlAttributeNamesService>();

    private static SamlCustomAttributes Okta => SamlAttributePresets.Names(SamlAttributePreset.Okta);

    private async Task<SamlConnection> ConnectionAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.SamlConnections.AsNoTracking().SingleAsync(c => c.ParentOrganizationId == _portal.Demo.AcmeParent);
    }

    [Fact]
    public async Task Import_WithAPreset_StoresThePresetsNames()
    {
        var view = await Names.GetAsync(_portal.Demo.AcmeChat, _alice);

        Assert.Equal(new SamlAttributeNamesView(SamlAttributePreset.Okta, Okta), view);
        Assert.False(view!.ChangedFromPreset);
        Assert.Equal(SamlGroupsFormat.Names, (await ConnectionAsync()).Profile.GroupsFormat);
    }

    [Fact]
    public async Task Set_ByTheParentAdmin_ChangesTheNamesTheSignInReads_AndIsAudited()
    {
        var changed = Okta with { EmailAttribute = " mail ", SubjectSource = SamlSubjectSource.Attribute, SubjectAttribute = "oktaUserId", GroupsFormat = SamlGroupsFormat.Ids };

        Assert.Null(await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Okta, changed, _alice));

        var profile = (await ConnectionAsync()).Profile;
        Assert.Equal(("mail", SamlSubjectSource.Attribute, "oktaUserId", SamlGroupsFormat.Ids),
            (profile.EmailAttribute, profile.SubjectSource, profile.SubjectAttribute, profile.GroupsFormat));
        Assert.True((await Names.GetForParentAsync(_portal.Demo.AcmeParent, _alice))!.ChangedFromPreset);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "sso.attribute-names-changed");
        Assert.Equal((_alice, _portal.Demo.AcmeParent), (audit.ActorPersonId, audit.ParentOrganizationId));
        Assert.Contains("\"EmailAttribute\":\"email\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"EmailAttribute\":\"mail\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_AnotherPreset_TheEntraOverageClaimComesWithEntraOnly()
    {
        Assert.Null(await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.EntraId, SamlAttributePresets.Names(SamlAttributePreset.EntraId), _alice));
        Assert.Equal(SamlAttributeProfile.EntraId, (await ConnectionAsync()).Profile);

        Assert.Null(await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Adfs, SamlAttributePresets.Names(SamlAttributePreset.Adfs), _alice));
        Assert.Null((await ConnectionAsync()).Profile.GroupsOverageAttribute);
    }

    [Fact]
    public async Task Set_NoEmailAttribute_RefusedAndNothingChanged()
    {
        var error = await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Okta, Okta with { EmailAttribute = "  " }, _alice);

        Assert.IsType<SamlCustomAttributesMissing>(error);
        Assert.Equal(Okta, (await ConnectionAsync()).AttributeNames);
    }

    [Fact]
    public async Task Set_ControlCharacterInAName_RefusedWithTheField()
    {
        var error = await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Okta, Okta with { EmailAttribute = "email\nx" }, _alice);

        Assert.Equal("email", Assert.IsType<SamlAttributeNameInvalid>(error).Field);
        Assert.Equal(Okta, (await ConnectionAsync()).AttributeNames);
    }

    [Fact]
    public async Task Set_SubjectAttributeMissing_Refused()
    {
        var error = await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Okta, Okta with { SubjectSource = SamlSubjectSource.Attribute }, _alice);

        Assert.IsType<SamlCustomAttributesMissing>(error);
    }

    [Fact]
    public async Task Set_LongerThanTheColumn_Refused()
    {
        var error = await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Okta, Okta with { GroupsAttribute = new string('g', 257) }, _alice);

        Assert.Equal("groups", Assert.IsType<SamlAttributeNameInvalid>(error).Field);
    }

    [Theory]
    [InlineData("bob@acme.test", RefusalCategory.NotAllowed)]   // chat Admin of Acme
    [InlineData("oscar@acme.test", RefusalCategory.NotAllowed)] // Admin of Acme Labs, a sibling organization, not a parent admin
    [InlineData("carol@acme.test", RefusalCategory.NotAllowed)] // chat User
    [InlineData("grace@globex.test", RefusalCategory.NotFound)] // another parent's admin
    public async Task Set_ByAnyoneButAParentAdmin_RefusedAndNothingChanged(string email, RefusalCategory expected)
    {
        var error = await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Okta, Okta with { EmailAttribute = "attacker-controlled" },
            _portal.Demo.Person(email));

        Assert.Equal(expected, error!.Category);
        Assert.Equal(Okta, (await ConnectionAsync()).AttributeNames);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "sso.attribute-names-changed"));
    }

    [Fact]
    public async Task Get_ByAnotherParentsAdmin_Nothing() =>
        Assert.Null(await Names.GetAsync(_portal.Demo.AcmeChat, _portal.Demo.Person("grace@globex.test")));

    [Fact]
    public async Task ReplaceMetadata_SamePreset_KeepsTheChangedNames_AnotherPresetTakesItsNames()
    {
        var changed = Okta with { GroupsAttribute = "oktaGroups" };
        Assert.Null(await Names.SetAsync(_portal.Demo.AcmeParent, SamlAttributePreset.Okta, changed, _alice));
        var metadata = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext));

        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, metadata, SamlAttributePreset.Okta, _alice));
        Assert.Equal(changed, (await ConnectionAsync()).AttributeNames);

        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, metadata, SamlAttributePreset.JumpCloud, _alice));
        Assert.Equal(SamlAttributePresets.Names(SamlAttributePreset.JumpCloud), (await ConnectionAsync()).AttributeNames);
    }

    [Fact]
    public async Task RowFromBeforeEditableNames_ReadsItsPresetWithGroupsAsIds()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            // What the SsoPresets migration leaves on an Okta connection made before it: no names, no format.
            await db.SamlConnections.Where(c => c.ParentOrganizationId == _portal.Demo.AcmeParent).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.CustomEmailAttribute, (string?)null).SetProperty(c => c.CustomDisplayNameAttribute, (string?)null)
                .SetProperty(c => c.CustomGroupsAttribute, (string?)null).SetProperty(c => c.CustomGivenNameAttribute, (string?)null)
                .SetProperty(c => c.CustomFamilyNameAttribute, (string?)null).SetProperty(c => c.GroupsFormat, (SamlGroupsFormat?)null));
        }

        var profile = (await ConnectionAsync()).Profile;

        Assert.Equal(SamlAttributeProfile.Okta with { GroupsFormat = SamlGroupsFormat.Ids }, profile);
    }
}
