using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.SpKeys;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// The parent's own SP keys through the real app: an IdP encrypts to the certificate the parent's SP metadata publishes
/// and the ACS decrypts; rotation keeps the old key decrypting until it is retired; signed AuthnRequests verify with
/// the published signing certificate; only the parent's admins rotate keys or download the metadata file.
/// </summary>
public abstract class SamlSpKeysEndpointTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    private const string MetadataNs = "urn:oasis:names:tc:SAML:2.0:metadata";

    private SamlSpKeyService Keys => Factory.Services.GetRequiredService<SamlSpKeyService>();

    private Guid Alice => Demo.Person("alice@acme.test");

    [Fact]
    public async Task Acs_AssertionEncryptedToThePublishedCertificate_SignsIn()
    {
        var certificate = Assert.Single(await PublishedAsync("encryption"));

        var acs = await SignInEncryptedAsync(certificate);

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(SessionCookie(acs))).StatusCode);
    }

    [Fact]
    public async Task Acs_AssertionEncryptedToAnUnknownKey_RefusedWith400NotAServerError()
    {
        await PublishedAsync("encryption");

        var acs = await SignInEncryptedAsync(SamlTestKeys.PublicOnly(SamlTestKeys.Attacker));

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        Assert.Null(SessionCookieOrNull(acs));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Contains(await db.AuditEvents.Where(e => e.Action == "sso.sign-in-refused").Select(e => e.After).ToListAsync(),
            after => after!.Contains(nameof(SamlFailureReason.DecryptionFailed), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acs_PlainAssertion_SignsInWithoutReadingTheSpKeys()
    {
        await PublishedAsync("encryption");
        await using (var db = await Factory.CreateDbContextAsync())
        {
            // Keys that can no longer be unprotected: reading them throws, so a sign-in that read them would fail.
            await db.SamlSpKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.ProtectedPrivateKey, new byte[] { 1, 2, 3 }));
        }

        var login = await StartAsync("/");
        var acs = await PostAcsAsync(login, Response(login.RequestId, "alice@acme.test"));

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(SessionCookie(acs))).StatusCode);
    }

    [Fact]
    public async Task Rotation_NextPublishedOldDecryptsUntilRetired()
    {
        var old = Assert.Single(await PublishedAsync("encryption"));
        Assert.Null(await Keys.PrepareNextAsync(AcmeParent, SamlSpKeyUse.Encryption, Alice));
        var published = await PublishedAsync("encryption");
        Assert.Equal(2, published.Count);
        Assert.Equal(old.RawData, published[0].RawData); // the current key stays first
        var next = published[1];
        Assert.Equal(HttpStatusCode.Redirect, (await SignInEncryptedAsync(next)).StatusCode); // an IdP already on the next key

        Assert.Null(await Keys.PromoteNextAsync(AcmeParent, SamlSpKeyUse.Encryption, Alice));
        Assert.Equal([next.RawData], (await PublishedAsync("encryption")).Select(c => c.RawData));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInEncryptedAsync(old)).StatusCode); // an IdP still on the old key

        var previous = (await Keys.GetAsync(AcmeParent, Alice))!.Keys.Single(k => k.Status == SamlSpKeyStatus.Previous);
        Assert.Null(await Keys.RetireAsync(AcmeParent, previous.Id, Alice));
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInEncryptedAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInEncryptedAsync(next)).StatusCode);
    }

    [Fact]
    public async Task Rotation_CurrentKeyCannotBeRetiredNorTwoNextKeysPrepared()
    {
        var current = (await Keys.GetAsync(AcmeParent, Alice))!.Keys.Single(k => k is { Use: SamlSpKeyUse.Signing, Status: SamlSpKeyStatus.Current });

        Assert.IsType<SpKeyCurrentCannotBeRetired>(await Keys.RetireAsync(AcmeParent, current.Id, Alice));
        Assert.IsType<SpKeyNoNext>(await Keys.PromoteNextAsync(AcmeParent, SamlSpKeyUse.Signing, Alice));
        Assert.Null(await Keys.PrepareNextAsync(AcmeParent, SamlSpKeyUse.Signing, Alice));
        Assert.IsType<SpKeyNextExists>(await Keys.PrepareNextAsync(AcmeParent, SamlSpKeyUse.Signing, Alice));
    }

    [Theory]
    [InlineData("oscar@acme.test")] // an organization admin of Acme Labs, not a parent admin
    [InlineData("grace@globex.test")] // another parent's admin
    public async Task Rotation_ByAnyoneButTheParentsAdmins_RefusedAndNothingChanges(string email)
    {
        await PublishedAsync("encryption");
        var before = await KeyRowsAsync();
        var person = Demo.Person(email);
        var someKey = before[0].Id;

        // Another parent's admin is told the parent does not exist; Acme's own organization admin that they may not.
        Assert.All([await Keys.PrepareNextAsync(AcmeParent, SamlSpKeyUse.Encryption, person),
            await Keys.PromoteNextAsync(AcmeParent, SamlSpKeyUse.Encryption, person),
            await Keys.RetireAsync(AcmeParent, someKey, person),
            await Keys.SetSignAuthnRequestsAsync(AcmeParent, true, person)],
            refusal => Assert.True(refusal is NotAllowedError or NotFoundError, refusal?.ToString() ?? "not refused"));
        Assert.Null(await Keys.GetAsync(AcmeParent, person));

        Assert.Equal(before, await KeyRowsAsync());
    }

    [Fact]
    public async Task SignedAuthnRequest_VerifiesWithTheSigningCertificateTheMetadataPublishes()
    {
        Assert.Null(await Keys.SetSignAuthnRequestsAsync(AcmeParent, true, Alice));
        var (metadata, signing) = (await MetadataAsync(), Assert.Single(await PublishedAsync("signing")));
        Assert.Equal("true", ((XmlElement)metadata.DocumentElement!.FirstChild!).GetAttribute("AuthnRequestsSigned"));

        var start = await Client().GetAsync($"/sso/{AcmeParent}?returnUrl=%2F");

        var query = start.Headers.Location!.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var octets = Encoding.UTF8.GetBytes($"SAMLRequest={query["SAMLRequest"]}&RelayState={query["RelayState"]}&SigAlg={query["SigAlg"]}");
        using var key = signing.GetRSAPublicKey()!;
        Assert.True(key.VerifyData(octets, Convert.FromBase64String(Uri.UnescapeDataString(query["Signature"])), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task PrivateKeys_AreStoredProtectedNeverInTheClear()
    {
        await PublishedAsync("encryption");
        await using var db = await Factory.CreateDbContextAsync();

        foreach (var stored in await db.SamlSpKeys.Select(k => k.ProtectedPrivateKey).ToListAsync())
        {
            using var rsa = RSA.Create();
            Assert.ThrowsAny<CryptographicException>(() => rsa.ImportPkcs8PrivateKey(stored, out _));
        }
    }

    [Fact]
    public async Task MetadataDownload_ForTheParentsAdmin_IsAnXmlFile_AndNotFoundForOthers()
    {
        var download = $"/saml/metadata/{AcmeParent}/download";
        using var asAlice = await AsPersonAsync(Alice);
        using var asOscar = await AsPersonAsync(Demo.Person("oscar@acme.test"));

        var file = await asAlice.GetAsync(download);
        var refused = await asOscar.GetAsync(download);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("identityaccess-sp-metadata.xml", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("use=\"encryption\"", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync($"/saml/metadata/{Guid.NewGuid()}")).StatusCode);
    }

    private async Task<HttpClient> AsPersonAsync(Guid personId)
    {
        var client = Client();
        var (_, cookie) = await SessionCookies.CreateAsync(Factory.Services, personId);
        client.DefaultRequestHeaders.Add("Cookie", $"{SessionCookies.Name}={cookie}");
        return client;
    }

    private async Task<List<(Guid Id, SamlSpKeyStatus Status, string Fingerprint)>> KeyRowsAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return [.. (await db.SamlSpKeys.OrderBy(k => k.Id).ToListAsync()).Select(k => (k.Id, k.Status, k.Fingerprint))];
    }

    private async Task<XmlDocument> MetadataAsync()
    {
        var response = await Client().GetAsync($"/saml/metadata/{AcmeParent}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new XmlDocument { XmlResolver = null };
        document.LoadXml(await response.Content.ReadAsStringAsync());
        return document;
    }

    private async Task<List<X509Certificate2>> PublishedAsync(string use) =>
        [.. (await MetadataAsync()).GetElementsByTagName("KeyDescriptor", MetadataNs).Cast<XmlElement>().Where(d => d.GetAttribute("use") == use)
            .Select(d => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(d.GetElementsByTagName("X509Certificate", SamlXml.XmlDsigNs)[0]!.InnerText)))];

    /// <summary>Starts a login and answers it as the IdP would with encryption on: signed, then encrypted to <paramref name="certificate"/>.</summary>
    private async Task<HttpResponseMessage> SignInEncryptedAsync(X509Certificate2 certificate)
    {
        var login = await StartAsync("/");
        var document = SamlScenario.Load(Encoding.UTF8.GetString(Convert.FromBase64String(Response(login.RequestId, "alice@acme.test"))));
        using var key = certificate.GetRSAPublicKey()!;
        new SamlEncryption().EncryptInPlace(document.Assertion(), key);
        return await PostAcsAsync(login, SamlScenario.Encode(document));
    }
}

public sealed class SqliteSamlSpKeysEndpointTests() : SamlSpKeysEndpointTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlSpKeysEndpointTests() : SamlSpKeysEndpointTests(new PostgresPortalFixture());
