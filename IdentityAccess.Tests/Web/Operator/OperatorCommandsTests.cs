using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Operator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Operator;

public sealed class OperatorCommandsTests(OperatorCommandsTests.Portal portal) : IClassFixture<OperatorCommandsTests.Portal>
{
    /// <summary>The test metadata server is on 127.0.0.1: the setting an operator with an IdP on a private network uses.</summary>
    public sealed class Portal : PortalFixture
    {
        public Portal() => Settings["Sso:MetadataRefresh:AllowPrivateAddresses"] = "true";

        protected override TestDatabase CreateDatabase() => new SqliteTestDatabase();
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCommands.RunAsync(portal.Factory.Services, ["--Database:Provider", "Sqlite", .. args], output, error);
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public async Task ScimTokenCreateListRevoke_ForAParentByName_WorksEndToEnd()
    {
        var (created, secret, _) = await RunAsync("operator", "scim-token", "create", "--parent", "Acme Corporation");
        var parent = await portal.Factory.Services.GetRequiredService<ScimTokenService>().AuthenticateAsync(secret);
        var (_, listed, _) = await RunAsync("operator", "scim-token", "list", "--parent", "Acme Corporation");
        var id = listed.Split('\t')[0];
        var (revoked, _, _) = await RunAsync("operator", "scim-token", "revoke", "--parent", "Acme Corporation", "--id", id);

        Assert.Equal(0, created);
        Assert.NotNull(parent);
        Assert.Contains(secret[..12], listed, StringComparison.Ordinal);
        Assert.Equal(0, revoked);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ScimTokenService>().AuthenticateAsync(secret));
    }

    [Fact]
    public async Task ScimTokenCreate_ParentOnTheTeamPlan_RefusedNamingThePlanAndNoTokenMade()
    {
        var (exit, secret, error) = await RunAsync("operator", "scim-token", "create", "--parent", "Globex");

        Assert.Equal(1, exit);
        Assert.Empty(secret);
        Assert.Contains("not included in Globex's Team plan", error, StringComparison.Ordinal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.ScimTokens.AnyAsync(t => db.ParentOrganizations.Any(p => p.Id == t.ParentOrganizationId && p.Name == "Globex")));
    }

    [Fact]
    public async Task DomainList_ShowsTheSeededVerifiedDomain()
    {
        var (exit, listed, _) = await RunAsync("operator", "domain", "list", "--parent", "Acme Corporation");

        Assert.Equal(0, exit);
        Assert.StartsWith("acme.test\tVerified\tTXT identityaccess-domain-verification=", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamlImportMetadata_OktaFile_StoresTheConnection()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, IdentityAccess.Tests.Saml.IdpMetadataSamples.Okta(
            IdentityAccess.Tests.Saml.SamlTestKeys.PublicOnly(IdentityAccess.Tests.Saml.SamlTestKeys.Idp)));
        try
        {
            var (exit, _, _) = await RunAsync("operator", "saml", "import-metadata", "--parent", "Globex", "--file", file, "--profile", "okta");

            Assert.Equal(0, exit);
            await using var db = await portal.Factory.CreateDbContextAsync();
            var connection = db.SamlConnections.Single(c => c.EntityId == IdentityAccess.Tests.Saml.IdpMetadataSamples.OktaEntityId);
            Assert.Equal(IdentityAccess.Core.Sso.Connections.SamlAttributePreset.Okta, connection.Preset);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SamlImportMetadata_AdfsProfile_StoresTheAdfsPresetsNames()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, IdentityAccess.Tests.Saml.IdpMetadataSamples.Okta(
            IdentityAccess.Tests.Saml.SamlTestKeys.PublicOnly(IdentityAccess.Tests.Saml.SamlTestKeys.Idp)));
        try
        {
            var (exit, _, _) = await RunAsync("operator", "saml", "import-metadata", "--parent", "Globex", "--file", file, "--profile", "adfs");

            Assert.Equal(0, exit);
            await using var db = await portal.Factory.CreateDbContextAsync();
            var connection = db.SamlConnections.Single(c => c.EntityId == IdentityAccess.Tests.Saml.IdpMetadataSamples.OktaEntityId);
            Assert.Equal((IdentityAccess.Core.Sso.Connections.SamlAttributePreset.Adfs, "http://schemas.xmlsoap.org/claims/Group"),
                (connection.Preset, connection.Profile.GroupsAttribute));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SamlImportMetadata_FromUrl_StoresTheConnectionAndPrintsTheKeysFingerprints()
    {
        await using var idp = await MetadataServer.StartAsync();

        var (exit, output, _) = await RunAsync("operator", "saml", "import-metadata", "--parent", "Globex", "--url", idp.Url.AbsoluteUri);

        Assert.Equal(0, exit);
        Assert.Contains(IdentityAccess.Core.Sso.Metadata.CertificateFingerprints.Sha256(IdentityAccess.Tests.Saml.SamlTestKeys.Idp), output, StringComparison.Ordinal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var globex = await db.ParentOrganizations.Where(p => p.Name == "Globex").Select(p => p.Id).SingleAsync();
        var connection = await db.SamlConnections.SingleAsync(c => c.ParentOrganizationId == globex);
        Assert.Equal(IdentityAccess.Tests.Saml.SamlScenario.IdpEntityId, connection.EntityId);
    }

    [Fact]
    public async Task SamlImportMetadata_FromAUrlThatFailsOrIsNotHttp_RefusesAndSaysWhy()
    {
        await using var idp = await MetadataServer.StartAsync();
        idp.Mode = MetadataServer.Behaviour.Malformed;

        var (malformed, _, malformedError) = await RunAsync("operator", "saml", "import-metadata", "--parent", "Globex", "--url", idp.Url.AbsoluteUri);
        idp.Mode = MetadataServer.Behaviour.ServerError;
        var (down, _, downError) = await RunAsync("operator", "saml", "import-metadata", "--parent", "Globex", "--url", idp.Url.AbsoluteUri);
        var (ftp, _, ftpError) = await RunAsync("operator", "saml", "import-metadata", "--parent", "Globex", "--url", "ftp://idp.example.test/metadata.xml");

        Assert.Equal(1, malformed);
        Assert.StartsWith("The metadata is not readable XML", malformedError, StringComparison.Ordinal);
        Assert.Equal(1, down);
        Assert.StartsWith("The metadata could not be fetched", downError, StringComparison.Ordinal);
        Assert.Equal(1, ftp); // invalid input: refused by a rule
        Assert.StartsWith("The metadata URL is not usable", ftpError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamlSpMetadata_WithoutPublicBaseUrl_ExitsWith1AndSaysWhatToSet()
    {
        var (exit, _, error) = await RunAsync("operator", "saml", "sp-metadata");

        Assert.Equal(1, exit);
        Assert.Contains("Portal:PublicBaseUrl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownParent_ExitsWith2AndSaysSo()
    {
        var (code, _, error) = await RunAsync("operator", "scim-token", "create", "--parent", "Nobody Inc");

        Assert.Equal(2, code);
        Assert.Contains("No parent organization 'Nobody Inc'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWith64AndPrintsUsage()
    {
        var (code, _, error) = await RunAsync("operator", "frobnicate");

        Assert.Equal(64, code);
        Assert.Contains("operator scim-token create", error, StringComparison.Ordinal);
    }
}
