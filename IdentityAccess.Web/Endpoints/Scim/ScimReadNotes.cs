using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>Provisioning-log phrases of reads, e.g. Entra's matching lookups: "No user matched the filter".</summary>
internal static class ScimReadNotes
{
    public static void ListedUsers(ScimFilter? filter, int returned, int total) =>
        Listed(filter, returned, total, LogPhraseCode.NoUserMatched, LogPhraseCode.UsersMatched, LogPhraseCode.UsersListed);

    public static void ListedGroups(ScimFilter? filter, int returned, int total) =>
        Listed(filter, returned, total, LogPhraseCode.NoGroupMatched, LogPhraseCode.GroupsMatched, LogPhraseCode.GroupsListed);

    public static void ReadUser(string? userName) => ProvisioningLogScope.Current?.Note(LogPhrase.Of(LogPhraseCode.UserRead, userName ?? ""));

    public static void ReadGroup(string? displayName) => ProvisioningLogScope.Current?.Note(LogPhrase.Of(LogPhraseCode.GroupRead, displayName ?? ""));

    private static void Listed(ScimFilter? filter, int returned, int total, LogPhraseCode none, LogPhraseCode matched, LogPhraseCode listed) =>
        ProvisioningLogScope.Current?.Note(
            filter is not null
                ? total == 0 ? LogPhrase.Of(none) : LogPhrase.Of(matched, LogPhrase.Count(total))
                : LogPhrase.Of(listed, LogPhrase.Count(returned), LogPhrase.Count(total)));
}
