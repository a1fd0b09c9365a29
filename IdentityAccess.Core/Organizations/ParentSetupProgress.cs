namespace IdentityAccess.Core.Organizations;

/// <summary>
/// How far a parent has come through the help article's setup, read from what is saved: a verified domain, an SSO
/// connection turned on, a SCIM token (needed only for directory sync), a provisioning mode other than Manual saved in
/// one of its organizations, and advanced group mappings (optional). <paramref name="FirstOrganizationId"/> is where the
/// organization steps are done (the first by name), null when the parent has none yet.
/// </summary>
public sealed record ParentSetupProgress(
    bool DomainVerified,
    bool SsoOn,
    bool ScimTokenActive,
    bool UsesDirectorySync,
    bool ModeChosen,
    bool GroupsMapped,
    Guid? FirstOrganizationId)
{
    /// <summary>Every step a working setup needs: SCIM only when an organization uses directory sync; mappings never.</summary>
    public bool IsComplete => DomainVerified && SsoOn && ModeChosen && (ScimTokenActive || !UsesDirectorySync);
}
