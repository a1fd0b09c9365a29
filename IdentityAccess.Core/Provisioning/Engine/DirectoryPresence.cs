namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>What the identity provider's directory says about a person.</summary>
public enum DirectoryPresence
{
    /// <summary>Not assigned to the IdP app (never pushed, or deleted by the IdP).</summary>
    Absent,

    /// <summary>Assigned and active.</summary>
    Active,

    /// <summary>Assigned but deactivated by the IdP (SCIM active=false).</summary>
    Deactivated,
}
