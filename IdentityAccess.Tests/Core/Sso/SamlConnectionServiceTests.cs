using IdentityAccess.Core.Audit;
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
    private AuditActor _alice = default!;
    private AuditActor _grace = default!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _alice = new AuditActor(_portal.Demo.Person("alice@acme.test"), "Alice");
        _grace = new AuditActor(_portal.Demo.Person("grace@globex.test"), "Grace");
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

        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeChat, xml, SamlAttributePreset.EntraId, _alice));

        var view = (await Connections.GetAsync(_portal.Demo.AcmeConsole, _alice.PersonId!.Value))!;
        Assert.True(view.HasVerifiedDomain);
        var connection = view.Connection!;
        Assert.Equal((IdpMetadataSamples.EntraEntityId, IdpMetadataSamples.EntraSsoUrl, SamlAttributePreset.EntraId, false),
            (connection.EntityId, connection.SingleSignOnUrl, connection.Preset, connection.Enabled));
        Assert.Equal(["CN=Test IdP", "CN=Test IdP (next)"], connection.Certificates.Select(c => c.Subject));
        Assert.All(connection.Certificates, c => Assert.Equal(2048, c.KeyBits));
        Assert.False(connection.AllowIdpInitiated);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sso.metadata-imported" && e.ActorPersonId == _alice.PersonId));
    }

    [Fact]
    public async Task ImportMetadata_AgainWithOkta_ReplacesTheConnectionAndKeepsItEnabled()
    {
        var entra = IdpMetadataSamples.Entra(SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext));
        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeChat, entra, SamlAttributePreset.EntraId, _alice));
        Assert.Null(await Connections.SetEnabledAsync(_portal.Demo.AcmeChat, true, _alice));

        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.AcmeChat, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)),
            SamlAttributePreset.Okta, _alice));

        var connection = (await Connections.GetAsync(_portal.Demo.AcmeChat, _alice.PersonId!.Value))!.Connection!;
        Assert.Equal((IdpMetadataSamples.OktaEntityId, SamlAttributePreset.Okta, true), (connection.EntityId, connection.Preset, connection.Enabled));
        Assert.Single(connection.Certificates);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.SamlConnections.CountAsync());
    }

    [Fact]
    public async Task ImportMetadata_WeakKey_IsRefusedAndNothingIsStored()
    {
        var error = await Connections.ImportMetadataAsync(_portal.Demo.AcmeChat, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Weak)),
            SamlAttributePreset.Okta, _alice);

        Assert.IsType<MetadataKeyTooSmall>(error);
        Assert.Null((await Connections.GetAsync(_portal.Demo.AcmeChat, _alice.PersonId!.Value))!.Connection);
    }

    [Fact]
    public async Task ImportMetadata_CustomWithoutEmailAttribute_IsRefused() =>
        Assert.IsType<SamlCustomAttributesMissing>(await Connections.ImportMetadataAsync(_portal.Demo.AcmeChat,
            IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)), SamlAttributePreset.Custom, _alice,
            new SamlCustomAttributes(SamlSubjectSource.PersistentNameId, null, null, "name", "groups")));

    [Fact]
    public async Task SetEnabled_ParentWithoutVerifiedDomain_IsRefused()
    {
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp));
        Assert.Null(await Connections.ImportMetadataAsync(_portal.Demo.GlobexTeam, xml, SamlAttributePreset.Okta, _grace));

        Assert.IsType<SsoNeedsVerifiedDomain>(await Connections.SetEnabledAsync(_portal.Demo.GlobexTeam, true, _grace));

        var view = (await Connections.GetAsync(_portal.Demo.GlobexTeam, _grace.PersonId!.Value))!;
        Assert.False(view.HasVerifiedDomain);
        Assert.False(view.Connection!.Enabled);
    }

    [Fact]
    public async Task SetEnabled_BeforeImport_SaysImportFirst() =>
        Assert.IsType<SamlConnectionMissing>(await Connections.SetEnabledAsync(_portal.Demo.AcmeChat, true, _alice));

    [Theory]
    [InlineData("carol@acme.test")] // a member without the right to manage identity and access
    [InlineData("grace@globex.test")] // not a member of Acme at all
    public async Task EveryOperation_WithoutManageIdentityAccess_IsRefused(string email)
    {
        var actor = new AuditActor(_portal.Demo.Person(email), email);
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp));

        Assert.Null(await Connections.GetAsync(_portal.Demo.AcmeChat, actor.PersonId!.Value));
        Assert.NotNull(await Connections.ImportMetadataAsync(_portal.Demo.AcmeChat, xml, SamlAttributePreset.Okta, actor));
        Assert.NotNull(await Connections.SetEnabledAsync(_portal.Demo.AcmeChat, true, actor));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SamlConnections.AnyAsync());
    }
}
