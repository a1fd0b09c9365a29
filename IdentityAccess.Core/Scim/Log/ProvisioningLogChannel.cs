namespace IdentityAccess.Core.Scim.Log;

/// <summary>How a provisioning decision reached the portal.</summary>
public enum ProvisioningLogChannel
{
    /// <summary>A request of the parent's IdP to the SCIM endpoint.</summary>
    Scim,

    /// <summary>A SAML sign-in: just-in-time provisioning, a profile change, or why the person was refused.</summary>
    Sso,

    /// <summary>A Sync now run by an owner or a parent admin: the directory applied again, with what it changed.</summary>
    SyncNow,
}
