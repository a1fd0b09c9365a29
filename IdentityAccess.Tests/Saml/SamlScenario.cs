using System.Text;
using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// One SP, one IdP and one outstanding request, with a valid signed Response to start each test from. A test
/// changes one thing in <see cref="Content"/>, the signer, the context, or the signed XML, and checks the reason.
/// </summary>
internal sealed class SamlScenario
{
    public const string RequestId = "_4f1c2a9e0b7d4c3a8e6f5d2c1b0a9f8e7d6c5b4a";
    public const string IdpEntityId = "https://idp.example.test/metadata";
    public const string SpEntityId = "urn:identityaccess:test-sp";
    public const string NameId = "00u1a2b3c4d5e6f7g8h9";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Now);

    public InMemorySamlReplayCache ReplayCache { get; }

    public SamlScenario() => ReplayCache = new InMemorySamlReplayCache(Time);

    public SamlServiceProviderSettings ServiceProvider { get; } =
        new(SpEntityId, new Uri("https://portal.example.test/saml/acs"));

    public SamlIdpConnection IdentityProvider { get; set; } = new(
        IdpEntityId,
        new Uri("https://idp.example.test/sso/redirect"),
        [SamlTestKeys.PublicOnly(SamlTestKeys.Idp)],
        SamlAttributeProfile.Okta);

    public SamlResponseSigner Signer { get; } = new(SamlTestKeys.Idp);

    public SamlResponseContent Content => new()
    {
        Issuer = IdpEntityId,
        NameId = NameId,
        Audience = SpEntityId,
        Destination = ServiceProvider.AssertionConsumerServiceUrl,
        InResponseTo = RequestId,
        IssueInstant = Now,
        Attributes = new Dictionary<string, IReadOnlyList<string>>
        {
            ["email"] = ["alice@example.test"],
            ["groups"] = ["engineering", "it-admins"],
        },
    };

    public SamlValidationContext Context(string? expectedRequestId = RequestId) =>
        new(ServiceProvider, IdentityProvider, expectedRequestId, Time, ReplayCache);

    public Task<SamlValidationResult> ValidateAsync(string samlResponse, SamlValidationContext? context = null) =>
        SamlResponseValidator.ValidateAsync(samlResponse, context ?? Context());

    /// <summary>The signed XML of <see cref="Content"/> (or of the given content), for tampering.</summary>
    public XmlDocument SignedDocument(SamlResponseContent? content = null, SamlResponseSigner? signer = null) =>
        Load((signer ?? Signer).CreateXml(content ?? Content));

    public static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return document;
    }

    public static string Encode(XmlDocument document) => Encode(document.OuterXml);

    public static string Encode(string xml) => Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));
}
