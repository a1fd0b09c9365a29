namespace IdentityAccess.Core.Provisioning;

/// <summary>How people get into an organization.</summary>
public enum ProvisioningMode
{
    /// <summary>Added, changed and removed by hand. The default.</summary>
    Manual,

    /// <summary>Created when they first sign in through SAML SSO.</summary>
    Jit,

    /// <summary>Pushed by the identity provider through SCIM 2.0; no sign-in needed.</summary>
    Scim,
}
