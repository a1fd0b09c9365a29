using System.IO.Compression;
using System.Text;
using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.Tests.Saml;

public sealed class AuthnRequestBuilderTests
{
    private readonly SamlScenario _scenario = new();

    private AuthnRequestBuilder Builder => new(_scenario.Time);

    [Fact]
    public void Build_RedirectUrl_InflatesToTheAuthnRequestTheIdpNeeds()
    {
        var redirect = Builder.Build(_scenario.ServiceProvider, _scenario.IdentityProvider, relayState: null);

        var request = Inflate(Query(redirect.RedirectUrl)["SAMLRequest"]);
        Assert.Equal("AuthnRequest", request.LocalName);
        Assert.Equal(SamlXml.ProtocolNs, request.NamespaceURI);
        Assert.Equal(redirect.RequestId, request.GetAttribute("ID"));
        Assert.Equal("2.0", request.GetAttribute("Version"));
        Assert.Equal("2026-11-23T10:00:00.000Z", request.GetAttribute("IssueInstant"));
        Assert.Equal(SamlScenario.Now, redirect.IssueInstant);
        Assert.Equal("https://idp.example.test/sso/redirect", request.GetAttribute("Destination"));
        Assert.Equal("https://portal.example.test/saml/acs", request.GetAttribute("AssertionConsumerServiceURL"));
        Assert.Equal("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", request.GetAttribute("ProtocolBinding"));
        Assert.Equal(SamlScenario.SpEntityId, request.Select("saml:Issuer").InnerText);
        Assert.Equal("https://idp.example.test/sso/redirect", redirect.RedirectUrl.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public void Build_TwoRequests_HaveFreshIdsThatAreValidXmlIds()
    {
        var first = Builder.Build(_scenario.ServiceProvider, _scenario.IdentityProvider, null).RequestId;
        var second = Builder.Build(_scenario.ServiceProvider, _scenario.IdentityProvider, null).RequestId;

        Assert.NotEqual(first, second);
        Assert.All([first, second], id =>
        {
            Assert.Equal(id, XmlConvert.VerifyNCName(id)); // xs:ID: an NCName, so it cannot start with a digit
            Assert.True(id.Length >= 33, "at least 128 random bits");
        });
    }

    [Fact]
    public void Build_RelayState_PassedThroughEncoded()
    {
        const string relayState = "k=a+b/c&d é";

        var redirect = Builder.Build(_scenario.ServiceProvider, _scenario.IdentityProvider, relayState);

        Assert.Equal(relayState, Query(redirect.RedirectUrl)["RelayState"]);
    }

    [Fact]
    public void Build_SsoUrlWithItsOwnQuery_KeepsIt()
    {
        var idp = _scenario.IdentityProvider with { };
        var withQuery = new SamlIdpConnection(idp.EntityId, new Uri("https://idp.example.test/sso?tenant=acme"), idp.SigningCertificates, idp.Attributes);

        var redirect = Builder.Build(_scenario.ServiceProvider, withQuery, "state");

        var query = Query(redirect.RedirectUrl);
        Assert.Equal("acme", query["tenant"]);
        Assert.NotNull(Inflate(query["SAMLRequest"]));
        Assert.Equal("state", query["RelayState"]);
    }

    [Fact]
    public void Build_RelayStateOver80Bytes_Refused()
    {
        Assert.Throws<ArgumentException>(() => Builder.Build(_scenario.ServiceProvider, _scenario.IdentityProvider, new string('r', 81)));
    }

    private static Dictionary<string, string> Query(Uri url) => url.Query.TrimStart('?').Split('&')
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));

    private static XmlElement Inflate(string samlRequest)
    {
        using var inflated = new DeflateStream(new MemoryStream(Convert.FromBase64String(samlRequest)), CompressionMode.Decompress);
        using var reader = new StreamReader(inflated, Encoding.UTF8);
        var document = new XmlDocument();
        document.LoadXml(reader.ReadToEnd());
        return document.DocumentElement!;
    }
}
