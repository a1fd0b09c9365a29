using IdentityAccess.Core.Saml;

namespace IdentityAccess.DemoIdp.Saml;

/// <summary>What <see cref="SamlResponseSigner"/> puts in a Response and its one Assertion.</summary>
public sealed record SamlResponseContent
{
    public const string SuccessStatus = SamlNames.StatusSuccess;

    /// <summary>The IdP entityID, written as the Issuer of both the Response and the Assertion.</summary>
    public required string Issuer { get; init; }

    public required string NameId { get; init; }

    public string NameIdFormat { get; init; } = SamlNameIdFormats.Persistent;

    /// <summary>The SP entityID the assertion is restricted to.</summary>
    public required string Audience { get; init; }

    /// <summary>The SP's ACS URL: the Response Destination.</summary>
    public required Uri Destination { get; init; }

    /// <summary>The bearer SubjectConfirmationData Recipient; the <see cref="Destination"/> when null.</summary>
    public Uri? Recipient { get; init; }

    /// <summary>The AuthnRequest ID answered, on the Response and the SubjectConfirmationData; null when unsolicited.</summary>
    public string? InResponseTo { get; init; }

    /// <summary>IssueInstant of both elements, AuthnInstant and the start of the validity window (Conditions NotBefore).</summary>
    public required DateTimeOffset IssueInstant { get; init; }

    /// <summary>The validity window's length: Conditions and SubjectConfirmationData NotOnOrAfter are IssueInstant plus this.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string StatusCode { get; init; } = SuccessStatus;

    /// <summary>Also sign the whole Response, after the Assertion (as samlp and Okta can).</summary>
    public bool SignResponse { get; init; }
}
