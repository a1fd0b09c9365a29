using System.Net;
using System.Net.Http.Json;
using System.Text;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Metadata and names the SSO connection refuses, each a 400 (or 409, 413, 415) problem with its code, never a 500, and nothing stored.</summary>
public abstract partial class SsoConnectionEndpointTests
{
    public static TheoryData<string, string> RefusedMetadata => new()
    {
        { "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><unclosed>", "MetadataUnreadable" },
        { "not xml at all", "MetadataUnreadable" },
        { "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "MetadataHasDocumentType" },
        { "<html><body>Sign in</body></html>", "MetadataNotAnIdentityProvider" },
        { IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Weak)), "MetadataKeyTooSmall" },
        { IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp), keyUse: "encryption"), "MetadataMissingSigningCertificate" },
    };

    [Theory]
    [MemberData(nameof(RefusedMetadata))]
    public async Task Import_MetadataThatIsNotAnIdpsOrTooWeak_400WithItsCode_NothingStored(string xml, string code)
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PutAsync($"{Url}/metadata?preset=Okta", Xml(xml, "application/xml")), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("metadata", problem.GetProperty("field").GetString());
        Assert.Null(await ConnectionAsync(org.ParentId));
    }

    [Fact]
    public async Task Import_PresetMissingOrUnknown_400ByItsField()
    {
        var (org, client, _) = await OwnAsync();

        var missing = await AssertProblemAsync(await client.PutAsync($"{Url}/metadata", Xml(EntraXml)), HttpStatusCode.BadRequest);
        var unknown = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/metadata", new { metadataXml = EntraXml, preset = "Auth0" }), HttpStatusCode.BadRequest);
        var noNames = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/metadata", new { metadataXml = EntraXml, preset = "Custom" }), HttpStatusCode.BadRequest);

        Assert.True(missing.GetProperty("errors").TryGetProperty("preset", out _));
        Assert.Contains("EntraId", unknown.GetProperty("errors").GetProperty("preset")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("SamlCustomAttributesMissing", noNames.GetProperty("code").GetString());
        Assert.Null(await ConnectionAsync(org.ParentId));
    }

    [Fact]
    public async Task Import_JsonWithBothOrNeitherSource_OrNotJson_400_AnotherMediaType_415()
    {
        var (org, client, _) = await OwnAsync();

        await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/metadata", new { metadataXml = EntraXml, metadataUrl = "https://idp.example.com/m.xml", preset = "Okta" }),
            HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/metadata", new { preset = "Okta" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PutAsync($"{Url}/metadata", new StringContent("{\"metadataXml\": ", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PutAsync($"{Url}/metadata", new StringContent("null", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PutAsync($"{Url}/metadata?preset=Okta", new StringContent(EntraXml, Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);
        await AssertProblemAsync(await client.PutAsync($"{Url}/metadata?preset=Okta", Xml(new string(' ', 1_100_000) + EntraXml)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(await ConnectionAsync(org.ParentId));
    }

    [Theory]
    [InlineData("loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/federationmetadata.xml")]
    [InlineData("http://[::1]/federationmetadata.xml")]
    public async Task ImportFromUrl_APrivateAddress_RefusedWithoutFetching_NothingStored(string url)
    {
        await using var server = await MetadataServer.StartAsync(); // a real IdP's metadata, on 127.0.0.1
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/metadata",
            new { metadataUrl = url == "loopback" ? server.Url.AbsoluteUri : url, preset = "EntraId" }), HttpStatusCode.BadRequest);

        Assert.Equal(("MetadataFetchFailed", "metadataUrl"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(0, server.RequestCount);
        Assert.Null(await ConnectionAsync(org.ParentId));
    }

    [Fact]
    public async Task ImportFromUrl_NotAUrl_400()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/metadata", new { metadataUrl = "ftp://idp.example.com/m.xml", preset = "Okta" }),
            HttpStatusCode.BadRequest);

        Assert.Equal("MetadataUrlInvalid", problem.GetProperty("code").GetString());
        Assert.Null(await ConnectionAsync(org.ParentId));
    }

    [Fact]
    public async Task BeforeImport_EnableAttributeNamesAndRefresh_409()
    {
        var (org, client, _) = await OwnAsync();

        Assert.Equal("SamlConnectionMissing", (await AssertProblemAsync(await client.PostAsync($"{Url}/enable", null), HttpStatusCode.Conflict))
            .GetProperty("code").GetString());
        await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/attribute-names", new { preset = "Okta" }), HttpStatusCode.Conflict);
        Assert.Equal("MetadataSourceMissing", (await AssertProblemAsync(await client.PostAsync($"{Url}/metadata/refresh", null), HttpStatusCode.Conflict))
            .GetProperty("code").GetString());
        Assert.Null(await ConnectionAsync(org.ParentId));
    }

    [Fact]
    public async Task AttributeNames_WithoutAnEmailOrWithAnUnknownSubjectSource_400_NamesKept()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);
        var before = (await ConnectionAsync(org.ParentId))!.AttributeNames;

        var noEmail = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/attribute-names", new { preset = "Custom", names = new { subject = "uid" } }),
            HttpStatusCode.BadRequest);
        var unknown = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/attribute-names",
            new { preset = "Custom", names = new { subjectSource = "Cookie", email = "mail" } }), HttpStatusCode.BadRequest);

        Assert.Equal("SamlCustomAttributesMissing", noEmail.GetProperty("code").GetString());
        Assert.True(unknown.GetProperty("errors").TryGetProperty("names.subjectSource", out _));
        Assert.Equal(before, (await ConnectionAsync(org.ParentId))!.AttributeNames);
    }
}
