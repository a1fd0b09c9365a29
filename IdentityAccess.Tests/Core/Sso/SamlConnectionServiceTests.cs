using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>Importing the IdP's metadata and enabling SSO, with the same access rule as domains.</summary>
public sealed class SamlConnectionServiceTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private Guid _alice;
    private Guid _grace;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        (_alice, _grace) = (_portal.Demo.Person("alice@acme.test"), _portal.Demo.Person("grace@globex.test"));
        // These tests start before any IdP is connected: without the demo IdP connections the seed makes, and with a
        // Globex that has verified no domain.
        await using var db = await _portal.Factory.CreateDbContextAsync();
        await db.SamlConnections.ExecuteDeleteAsync();
        await db.VerifiedDomains.Where(d => d.Domain == "globex.test").ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private SamlConnectionService Connections => _portal.Factory.Services.GetRequiredService<SamlConnectionService>();

    [Fact]
    public async Task ImportMetadata_Entra_StoresEntityIdUrlAndBothCertificates()
    {
        var xml = IdpMetadataSamples.Entra(SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext));

        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, xml, SamlAttributePreset.EntraId, _alice));

        var view = (await Connections.GetAsync(_portal.Demo.AcmeConsole, _alice))!;
        Assert.True(view.HasVerifiedDomain);
        var connection = view.Connection!;
        Assert.Equal((IdpMetadataSamples.EntraEntityId, IdpMetadataSamples.EntraSsoUrl, SamlAttributePreset.EntraId, false),
            (connection.EntityId, connection.SingleSignOnUrl, connection.Preset, connection.Enabled));
        Assert.Equal(["CN=Test IdP", "CN=Test IdP (next)"], connection.Certificates.Select(c => c.Subject));
        Assert.All(connection.Certificates, c => Assert.Equal(2048, c.KeyBits));
        Assert.False(connection.AllowIdpInitiated);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sso.metadata-imported" && e.ActorPersonId == _alice));
    }

    [Fact]
    public async Task ImportMetadata_AgainWithOkta_ReplacesTheConnectionAndKeepsItEnabled()
    {
        var entra = IdpMetadataSamples.Entra(SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext));
        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, entra, SamlAttributePreset.EntraId, _alice));
        Assert.Null(await Connections.SetEnabledAsync(_portal.Demo.AcmeParent, true, _alice));

        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)),
            SamlAttributePreset.Okta, _alice));

        var connection = (await Connections.GetAsync(_portal.Demo.AcmeChat, _alice))!.Connection!;
        Assert.Equal((IdpMetadataSamples.OktaEntityId, SamlAttributePreset.Okta, true), (connection.EntityId, connection.Preset, connection.Enabled));
        Assert.Single(connection.Certificates);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.SamlConnections.CountAsync());
    }

    [Fact]
    public async Task ImportMetadata_WeakKey_IsRefusedAndNothingIsStored()
    {
        var error = await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Weak)),
            SamlAttributePreset.Okta, _alice);

        Assert.IsType<MetadataKeyTooSmall>(error);
        Assert.Null((await Connections.GetAsync(_portal.Demo.AcmeChat, _alice))!.Connection);
    }

    [Fact]
    public async Task ImportMetadata_CustomWithoutEmailAttribute_IsRefused() =>
        Assert.IsType<SamlCustomAttributesMissing>(await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent,
            IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)), SamlAttributePreset.Custom, _alice,
            new SamlCustomAttributes(SamlSubjectSource.PersistentNameId, null, null, "name", "groups")));

    [Fact]
    public async Task SetEnabled_ParentWithoutVerifiedDomain_IsRefused()
    {
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp));
        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.GlobexParent, xml, SamlAttributePreset.Okta, _grace));

        Assert.IsType<SsoNeedsVerifiedDomain>(await Connections.SetEnabledAsync(_portal.Demo.GlobexParent, true, _grace));

        var view = (await Connections.GetAsync(_portal.Demo.GlobexTeam, _grace))!;
        Assert.False(view.HasVerifiedDomain);
        Assert.False(view.Connection!.Enabled);
    }

    [Fact]
    public async Task SetEnabled_BeforeImport_SaysImportFirst() =>
        Assert.IsType<SamlConnectionMissing>(await Connections.SetEnabledAsync(_portal.Demo.AcmeParent, true, _alice));

    [Theory]
    [InlineData("carol@acme.test", RefusalCategory.NotAllowed)] // a member without the right to see identity and access
    [InlineData("grace@globex.test", RefusalCategory.NotFound)] // no standing in Acme's parent at all
    public async Task EveryOperation_WithoutManageParentSettings_IsRefused(string email, RefusalCategory category)
    {
        var actor = _portal.Demo.Person(email);
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp));

        Assert.Null(await Connections.GetAsync(_portal.Demo.AcmeChat, actor));
        Assert.Equal(category, (await Connections.ImportMetadataAsync(_portal.Demo.AcmeParent, xml, SamlAttributePreset.Okta, actor))!.Category);
        Assert.Equal(category, (await Connections.SetEnabledAsync(_portal.Demo.AcmeParent, true, actor))!.Category);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SamlConnections.AnyAsync());
    }
}
