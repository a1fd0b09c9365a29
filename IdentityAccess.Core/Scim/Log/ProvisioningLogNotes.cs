using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>The phrases the SCIM services report to <see cref="ProvisioningLogScope"/>, in one place so they read alike.</summary>
internal static class ProvisioningLogNotes
{
    public static void UserCreated(ScimUserFields user) =>
        Note(LogPhrase.Of(user.Active ? LogPhraseCode.UserCreated : LogPhraseCode.UserCreatedInactive, user.UserName));

    /// <summary>E.g. "Updated user bob@contoso.com (deactivated)", "Replaced user b@x.test (renamed from a@x.test)".</summary>
    public static void UserChanged(LogPhraseCode verb, DirectoryUser before, ScimUserFields after)
    {
        var details = new List<LogPhrase>();
        if (!string.Equals(before.UserName, after.UserName, StringComparison.Ordinal))
        {
            details.Add(LogPhrase.Of(LogPhraseCode.RenamedFrom, before.UserName));
        }

        if (before.Active != after.Active)
        {
            details.Add(LogPhrase.Of(after.Active ? LogPhraseCode.Reactivated : LogPhraseCode.Deactivated));
        }

        Note(LogPhrase.Of(verb, after.UserName) with { Details = details.Count == 0 ? null : details });
    }

    /// <summary>E.g. "linked to the existing person carol@acme.test": a manual member the directory governs from now on.</summary>
    public static void LinkedToPerson(string email) => Note(LogPhrase.Of(LogPhraseCode.LinkedToPerson, email));

    /// <summary>E.g. "profile of carol@acme.test updated (name, email)".</summary>
    public static void ProfileUpdated(string email, ProfileChange change) =>
        Note(LogPhrase.Of(LogPhraseCode.ProfileUpdated, email) with { Details = ProfileDetails(change) });

    /// <summary>Which parts of a person's profile changed: "name", "email".</summary>
    public static IReadOnlyList<LogPhrase> ProfileDetails(ProfileChange change)
    {
        var details = new List<LogPhrase>();
        if (change.NameChanged)
        {
            details.Add(LogPhrase.Of(LogPhraseCode.NameChanged));
        }

        if (change.EmailChanged)
        {
            details.Add(LogPhrase.Of(LogPhraseCode.EmailChanged));
        }

        return details;
    }

    public static void UserDeleted(DirectoryUser user) => Note(LogPhrase.Of(LogPhraseCode.UserDeleted, user.UserName));

    /// <summary>One of <see cref="LogPhraseCode.GroupCreated"/>, Replaced, Updated, Deleted, with the group's name.</summary>
    public static void Group(LogPhraseCode verb, string displayName) => Note(LogPhrase.Of(verb, displayName));

    public static void GroupRenamed(DirectoryGroup group, string newName)
    {
        if (!string.Equals(group.DisplayName, newName, StringComparison.Ordinal))
        {
            Note(LogPhrase.Of(LogPhraseCode.GroupRenamed, group.DisplayName, newName));
        }
    }

    private static void Note(LogPhrase phrase) => ProvisioningLogScope.Current?.Note(phrase);
}
