using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>The phrases the SCIM services report to <see cref="ProvisioningLogScope"/>, in one place so they read alike.</summary>
internal static class ProvisioningLogNotes
{
    public static void UserCreated(ScimUserFields user) =>
        ProvisioningLogScope.Current?.Note($"Created user {user.UserName}{(user.Active ? "" : " (inactive)")}");

    /// <summary>E.g. "Updated user bob@contoso.com (deactivated)", "Replaced user b@x.test (renamed from a@x.test)".</summary>
    public static void UserChanged(string verb, DirectoryUser before, ScimUserFields after)
    {
        var details = new List<string>();
        if (!string.Equals(before.UserName, after.UserName, StringComparison.Ordinal))
        {
            details.Add($"renamed from {before.UserName}");
        }

        if (before.Active != after.Active)
        {
            details.Add(after.Active ? "reactivated" : "deactivated");
        }

        ProvisioningLogScope.Current?.Note($"{verb} user {after.UserName}{(details.Count == 0 ? "" : $" ({string.Join(", ", details)})")}");
    }

    /// <summary>E.g. "linked to the existing person carol@acme.test": a manual member the directory governs from now on.</summary>
    public static void LinkedToPerson(string email) => ProvisioningLogScope.Current?.Note($"linked to the existing person {email}");

    /// <summary>E.g. "profile of carol@acme.test updated (name, email)".</summary>
    public static void ProfileUpdated(string email, ProfileChange change)
    {
        var what = new List<string>();
        if (change.NameChanged)
        {
            what.Add("name");
        }

        if (change.EmailChanged)
        {
            what.Add("email");
        }

        ProvisioningLogScope.Current?.Note($"profile of {email} updated ({string.Join(", ", what)})");
    }

    public static void UserDeleted(DirectoryUser user) => ProvisioningLogScope.Current?.Note($"Deleted user {user.UserName}");

    public static void Group(string verb, string displayName) => ProvisioningLogScope.Current?.Note($"{verb} group '{displayName}'");

    public static void GroupRenamed(DirectoryGroup group, string newName)
    {
        if (!string.Equals(group.DisplayName, newName, StringComparison.Ordinal))
        {
            ProvisioningLogScope.Current?.Note($"renamed '{group.DisplayName}' to '{newName}'");
        }
    }
}
