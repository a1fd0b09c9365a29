namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>What an SP key is for; each use has its own keys and its own rotation (SAML Metadata 2.4.1.1 KeyDescriptor use).</summary>
public enum SamlSpKeyUse
{
    /// <summary>Signs AuthnRequests (when the connection asks for it).</summary>
    Signing,

    /// <summary>The IdP encrypts assertions to it.</summary>
    Encryption,
}
