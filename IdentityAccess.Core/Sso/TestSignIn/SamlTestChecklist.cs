using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// The validation list in words, as a test sign-in shows it: the validator's checks in the order it runs them (the
/// freshness check of IdP-initiated sign-in never applies to a test, which always answers a request), then whether the
/// attribute names find the person's id. The validator stops at the first failure, so the checks after it were not run.
/// </summary>
internal static class SamlTestChecklist
{
    public const string SubjectCheck = "The person's id is where the attribute names say (subject)";

    private static readonly (SamlCheck Check, string Name)[] _checks =
    [
        (SamlCheck.Binding, "The IdP posted a SAMLResponse, not too large, in base64"),
        (SamlCheck.SafeParse, "Well-formed XML, without a DOCTYPE"),
        (SamlCheck.Root, "A SAML 2.0 Response"),
        (SamlCheck.NoCommentsOrProcessingInstructions, "No XML comments or processing instructions"),
        (SamlCheck.Decryption, "An encrypted assertion decrypts with the portal's key (nothing to do when not encrypted)"),
        (SamlCheck.SingleAssertion, "Exactly one assertion, directly in the Response"),
        (SamlCheck.UniqueIds, "Every ID is unique"),
        (SamlCheck.Signatures, "Signed with the IdP's certificate and allowed algorithms, no other signature"),
        (SamlCheck.Status, "The IdP reports success"),
        (SamlCheck.Issuer, "The Issuer is the IdP's entity ID"),
        (SamlCheck.Destination, "Addressed to this portal's reply (ACS) URL"),
        (SamlCheck.InResponseTo, "Answers the request this test sent (InResponseTo)"),
        (SamlCheck.SubjectConfirmation, "Bearer confirmation for this portal and this request, not expired"),
        (SamlCheck.Conditions, "Valid now, and meant for this portal (audience)"),
        (SamlCheck.AuthnStatement, "Says how the person signed in (AuthnStatement)"),
        (SamlCheck.Replay, "Not used before (replay)"),
        (SamlCheck.NameId, "Names the person (NameID)"),
    ];

    /// <summary>The name of a validator check, for the panel's summary and the audit trail.</summary>
    public static string NameOf(SamlCheck check) => _checks.FirstOrDefault(c => c.Check == check).Name ?? check.ToString();

    /// <param name="rejection">The validator's refusal; null when every validator check passed.</param>
    /// <param name="subjectError">The attribute names' refusal, when the validator accepted the Response.</param>
    public static IReadOnlyList<SamlTestCheck> From(SamlRejection? rejection, Error? subjectError)
    {
        var failedAt = rejection is null ? _checks.Length : Array.FindIndex(_checks, c => c.Check == rejection.Check);
        if (failedAt < 0)
        {
            // Not a check a test can reach; say what refused it rather than claim the others passed.
            return [new(rejection!.Check?.ToString() ?? rejection.Reason.ToString(), SamlTestCheckStatus.Failed, Detail(rejection)),
                .. _checks.Select(c => new SamlTestCheck(c.Name, SamlTestCheckStatus.NotRun)), new(SubjectCheck, SamlTestCheckStatus.NotRun)];
        }

        var checks = _checks.Select((c, i) => new SamlTestCheck(c.Name,
            i < failedAt ? SamlTestCheckStatus.Passed : i == failedAt ? SamlTestCheckStatus.Failed : SamlTestCheckStatus.NotRun,
            i == failedAt ? Detail(rejection!) : null)).ToList();
        checks.Add(rejection is not null ? new(SubjectCheck, SamlTestCheckStatus.NotRun)
            : subjectError is null ? new(SubjectCheck, SamlTestCheckStatus.Passed)
            : new(SubjectCheck, SamlTestCheckStatus.Failed, subjectError.Message));
        return checks;
    }

    // The validator's own reason, as it would be audited for a sign-in.
    private static string Detail(SamlRejection rejection) => $"{rejection.Detail} ({rejection.Reason})";
}
