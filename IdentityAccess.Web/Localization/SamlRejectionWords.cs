using IdentityAccess.Core.Saml;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// A rejected SAML Response in the provisioning log, one sentence per kind of failure an owner can act on (the
/// signature, the time, the audience, a replay…) rather than per check: the check and what it found stay in the row's
/// English technical detail, which is what the IdP's administrator needs.
/// </summary>
public static class SamlRejectionWords
{
    /// <param name="reason">The <see cref="SamlFailureReason"/>'s name as the row stored it; a name no longer known gets the general sentence.</param>
    public static string Say(IStringLocalizer localizer, string reason) =>
        Enum.TryParse<SamlFailureReason>(reason, ignoreCase: false, out var known) && Enum.IsDefined(known) && !int.TryParse(reason, out _)
            ? Say(localizer, known)
            : localizer["SignInLog.Saml.Rejected"];

    public static string Say(IStringLocalizer localizer, SamlFailureReason reason) => reason switch
    {
        SamlFailureReason.MissingResponse or SamlFailureReason.ResponseTooLarge or SamlFailureReason.NotBase64 or SamlFailureReason.DtdNotAllowed
            or SamlFailureReason.MalformedXml or SamlFailureReason.NotASamlResponse or SamlFailureReason.CommentsNotAllowed
            or SamlFailureReason.MissingAssertion or SamlFailureReason.MultipleAssertions or SamlFailureReason.AssertionMisplaced
            or SamlFailureReason.DuplicateId or SamlFailureReason.MalformedAssertion or SamlFailureReason.MissingNameId => localizer["SignInLog.Saml.Malformed"],
        SamlFailureReason.EncryptedAssertionNotSupported or SamlFailureReason.EncryptionNotAccepted
            or SamlFailureReason.DecryptionFailed => localizer["SignInLog.Saml.Encryption"],
        SamlFailureReason.InvalidSignatureStructure or SamlFailureReason.DisallowedAlgorithm or SamlFailureReason.InvalidSignature
            or SamlFailureReason.UnexpectedSignature => localizer["SignInLog.Saml.SignatureInvalid"],
        SamlFailureReason.MissingSignature => localizer["SignInLog.Saml.SignatureMissing"],
        SamlFailureReason.NoUsableSigningKey => localizer["SignInLog.Saml.NoSigningKey"],
        SamlFailureReason.StatusNotSuccess => localizer["SignInLog.Saml.IdpError"],
        SamlFailureReason.IssuerMismatch => localizer["SignInLog.Saml.WrongIssuer"],
        SamlFailureReason.DestinationMismatch or SamlFailureReason.SubjectConfirmationInvalid => localizer["SignInLog.Saml.WrongDestination"],
        SamlFailureReason.InResponseToMismatch => localizer["SignInLog.Saml.WrongRequest"],
        SamlFailureReason.UnsolicitedResponse => localizer["SignInLog.Saml.Unsolicited"],
        SamlFailureReason.Expired or SamlFailureReason.UnsolicitedTooOld => localizer["SignInLog.Saml.Expired"],
        SamlFailureReason.NotYetValid => localizer["SignInLog.Saml.NotYetValid"],
        SamlFailureReason.AudienceMismatch => localizer["SignInLog.Saml.WrongAudience"],
        SamlFailureReason.Replayed => localizer["SignInLog.Saml.Replayed"],
    };
}
