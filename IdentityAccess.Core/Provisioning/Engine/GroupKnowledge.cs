namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>Where a person's group memberships are known from, if at all.</summary>
public enum GroupKnowledge
{
    /// <summary>Never seen through SSO or SCIM: their groups are unknown.</summary>
    Unknown,

    /// <summary>The SCIM directory's group memberships.</summary>
    Directory,

    /// <summary>The groups the person's SAML assertion carried at their last sign-in (JIT).</summary>
    LastSignIn,
}
