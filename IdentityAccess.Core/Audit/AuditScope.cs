namespace IdentityAccess.Core.Audit;

/// <summary>Which events of an organization's audit log: its own, its parent's (SSO, SCIM, domains), or both.</summary>
public enum AuditScope
{
    /// <summary>The organization's events and its parent's: the page's default.</summary>
    All,

    /// <summary>Only what was done in this organization (members, roles, seats, its settings).</summary>
    Organization,

    /// <summary>Only what was done to the parent shared by its organizations (SSO, SCIM directory, domains, sign-ins).</summary>
    Parent,
}
