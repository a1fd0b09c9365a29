namespace IdentityAccess.Core.Saml;

/// <summary>
/// The checks of the validation list (SAML-SP.md §2), in the order <see cref="SamlResponseValidator"/> runs them. A
/// rejection names the check that refused the Response; the validator stops there, so later checks were not run.
/// </summary>
public enum SamlCheck
{
    /// <summary>Step 1: a SAMLResponse value, not too large, in base64.</summary>
    Binding,

    /// <summary>Step 2: well-formed XML without a DOCTYPE, not nested too deep.</summary>
    SafeParse,

    /// <summary>Step 3: a SAML 2.0 samlp:Response with an ID.</summary>
    Root,

    /// <summary>Step 4: no comments or processing instructions.</summary>
    NoCommentsOrProcessingInstructions,

    /// <summary>Step 4b: an EncryptedAssertion decrypts with the SP's keys and allowed algorithms (nothing to do when none).</summary>
    Decryption,

    /// <summary>Step 5: exactly one assertion, a direct child of the Response.</summary>
    SingleAssertion,

    /// <summary>Step 6: no ID value twice.</summary>
    UniqueIds,

    /// <summary>Steps 7–9: signature structure and algorithms, verification with the pinned keys, no stray signature.</summary>
    Signatures,

    /// <summary>Step 10.</summary>
    Status,

    /// <summary>Step 11.</summary>
    Issuer,

    /// <summary>Step 12.</summary>
    Destination,

    /// <summary>Step 13.</summary>
    InResponseTo,

    /// <summary>Step 13b: only for an IdP-initiated Response.</summary>
    Freshness,

    /// <summary>Step 14.</summary>
    SubjectConfirmation,

    /// <summary>Step 15.</summary>
    Conditions,

    /// <summary>Step 16.</summary>
    AuthnStatement,

    /// <summary>Step 17.</summary>
    Replay,

    /// <summary>Step 18.</summary>
    NameId,
}
