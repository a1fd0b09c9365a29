namespace IdentityAccess.Core.Saml;

/// <summary>Why a SAML Response was rejected; the step numbers refer to the checklist in SAML-SP.md §2.</summary>
public enum SamlFailureReason
{
    /// <summary>Step 1: no SAMLResponse value.</summary>
    MissingResponse,

    /// <summary>Step 1: the value is larger than <see cref="SamlResponseValidator.MaxResponseLength"/>.</summary>
    ResponseTooLarge,

    /// <summary>Step 1.</summary>
    NotBase64,

    /// <summary>Step 2: a DOCTYPE is never legitimate in SAML and enables entity expansion attacks.</summary>
    DtdNotAllowed,

    /// <summary>Step 2.</summary>
    MalformedXml,

    /// <summary>Step 3: the root is not a SAML 2.0 samlp:Response with an ID.</summary>
    NotASamlResponse,

    /// <summary>Step 4: comments or processing instructions, which IdPs never emit (CVE-2017-11427 family).</summary>
    CommentsNotAllowed,

    /// <summary>Step 5.</summary>
    MissingAssertion,

    /// <summary>Step 5: more than one saml:Assertion anywhere in the document (signature wrapping, CVE-2022-41912).</summary>
    MultipleAssertions,

    /// <summary>Step 5: the one assertion is not a direct child of the Response.</summary>
    AssertionMisplaced,

    /// <summary>Step 5: the assertion is encrypted, but this SP has no decryption key for the connection.</summary>
    EncryptedAssertionNotSupported,

    /// <summary>Step 4b: the EncryptedAssertion's structure or algorithms are not accepted (RSA-1.5, CipherReference, an unknown cipher...).</summary>
    EncryptionNotAccepted,

    /// <summary>Step 4b: the assertion does not decrypt with any of the SP's keys; one reason for every cryptographic failure.</summary>
    DecryptionFailed,

    /// <summary>Step 6: two elements carry the same ID/Id/id value.</summary>
    DuplicateId,

    /// <summary>Step 7: a signature that is not one enveloped reference to exactly its parent element.</summary>
    InvalidSignatureStructure,

    /// <summary>Step 7: an algorithm outside the allow-list (SHA-1, c14n with comments, other transforms).</summary>
    DisallowedAlgorithm,

    /// <summary>Step 8: no signature where one is required.</summary>
    MissingSignature,

    /// <summary>Step 8: a signature does not verify with any pinned IdP key (tampered, or signed by another key).</summary>
    InvalidSignature,

    /// <summary>Step 8: the connection has no RSA signing key of at least 2048 bits (configuration error).</summary>
    NoUsableSigningKey,

    /// <summary>Step 9: a ds:Signature elsewhere in the document, not verified by step 8.</summary>
    UnexpectedSignature,

    /// <summary>Step 10: the IdP reported an error.</summary>
    StatusNotSuccess,

    /// <summary>Step 11.</summary>
    IssuerMismatch,

    /// <summary>Step 12.</summary>
    DestinationMismatch,

    /// <summary>Steps 13–14: InResponseTo (of the Response or the bearer confirmation) differs from the request this browser sent, or is missing.</summary>
    InResponseToMismatch,

    /// <summary>Step 13: a response without a request while IdP-initiated login is disabled for this IdP.</summary>
    UnsolicitedResponse,

    /// <summary>Step 13b: an IdP-initiated response whose IssueInstant or AuthnInstant is older than the allowed maximum age.</summary>
    UnsolicitedTooOld,

    /// <summary>Step 14: no bearer SubjectConfirmation with our Recipient and no NotBefore (an expired one or one for another request gives <see cref="Expired"/> or <see cref="InResponseToMismatch"/>).</summary>
    SubjectConfirmationInvalid,

    /// <summary>Step 15: Conditions NotBefore is in the future (beyond the clock skew).</summary>
    NotYetValid,

    /// <summary>Steps 14–15: the bearer confirmation or Conditions NotOnOrAfter has passed (beyond the clock skew).</summary>
    Expired,

    /// <summary>Step 15: an AudienceRestriction without our entityID, or none at all.</summary>
    AudienceMismatch,

    /// <summary>Steps 14–16: a required element (Subject, Conditions, AuthnStatement) or timestamp is missing or malformed.</summary>
    MalformedAssertion,

    /// <summary>Step 17: this assertion ID was already used.</summary>
    Replayed,

    /// <summary>Step 18: NameID missing, empty or not plain text.</summary>
    MissingNameId,
}
