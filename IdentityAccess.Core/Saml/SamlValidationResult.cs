using System.Diagnostics.CodeAnalysis;

namespace IdentityAccess.Core.Saml;

/// <summary>Either a validated assertion or the reason the Response was rejected, never both.</summary>
public sealed class SamlValidationResult
{
    private SamlValidationResult(SamlAssertion? assertion, SamlRejection? rejection)
    {
        Assertion = assertion;
        Rejection = rejection;
    }

    public SamlAssertion? Assertion { get; }

    public SamlRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Assertion))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Succeeded => Assertion is not null;

    internal static SamlValidationResult Success(SamlAssertion assertion) => new(assertion, null);

    internal static SamlValidationResult Failure(SamlRejection rejection) => new(null, rejection);
}
