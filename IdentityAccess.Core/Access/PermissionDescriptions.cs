namespace IdentityAccess.Core.Access;

/// <summary>What each permission lets one do, in the guide's words: the rows of its permissions table.</summary>
public static class PermissionDescriptions
{
    public static string Of(Permission permission) => permission switch
    {
        Permission.ViewOrganization => "See the organization and one's own membership",
        Permission.ManageMembers => "Open **Members**: add, invite, change role or tier, remove (below the top role)",
        Permission.ChangeTopRole => "Give or take away the top role by hand",
        Permission.RestorePreviousRole => "**Restore previous role** taken by a mapping or directory change (Owner included), once",
        Permission.BuySeats => "**Buy seats** (billing stand-in)",
        Permission.ViewIdentityAccess => "Open **Identity and access** (the parent's settings read-only)",
        Permission.ManageIdentityAccess => "**Save changes** to the provisioning mode, group mappings and break-glass owner",
        Permission.RunSyncNow => "**Sync now** for the organization",
        Permission.ResolveHeldChanges => "Apply or keep a change held so the organization keeps its top role; approve or reject staged removals",
        Permission.RemoveBreakGlassOwner => "Remove, demote or replace the break-glass owner",
        Permission.ViewAuditLog => "Read the **Audit log** and the **Directory sync log**",
        Permission.ChangeParentMembership => "Ask to join a parent organization, or leave one",
        Permission.ViewParent => "Open the **Parent organization** page",
        Permission.ManageParentSettings => "Change the SSO connection, domains, SCIM tokens and directory",
        Permission.ManageParentAdmins => "Grant and revoke the parent admin role",
        Permission.ManageParentOrganizations => "Create organizations under the parent; approve or decline requests to join",
        Permission.ChangeParentPlan => "Change the parent's plan (billing stand-in)",
        Permission.SyncParentDirectory => "**Sync now** for every organization of the parent",
    };
}
