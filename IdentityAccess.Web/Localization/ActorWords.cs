using IdentityAccess.Core.Audit;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// Who acted, in the reader's language: the product's own paths (<see cref="SystemActors"/>, stored in English) have
/// words of their own (<c>Actor.&lt;Name&gt;</c>); a person's name is shown as it is.
/// </summary>
public static class ActorWords
{
    private static readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal)
    {
        [SystemActors.DirectorySync] = "Actor.DirectorySync",
        [SystemActors.ScheduledReconcile] = "Actor.ScheduledReconcile",
        [SystemActors.RemovalGracePeriod] = "Actor.RemovalGracePeriod",
        [SystemActors.SyncNow] = "Actor.SyncNow",
        [SystemActors.HeldChangesApplied] = "Actor.HeldChangesApplied",
        [SystemActors.SamlSignIn] = "Actor.SamlSignIn",
        [SystemActors.MetadataRefresh] = "Actor.MetadataRefresh",
        [SystemActors.OperatorCommandLine] = "Actor.OperatorCommandLine",
        [SystemActors.InvitationExpiry] = "Actor.InvitationExpiry",
        [SystemActors.SamlSpKeys] = "Actor.SamlSpKeys",
    };

    public static string Actor(this IStringLocalizer localizer, string name) => KeyOf(name) is { } key ? localizer[key] : name;

    /// <summary>The resource key of a product path's name; null for anyone else (a person).</summary>
    public static string? KeyOf(string name) => _keys.GetValueOrDefault(name);
}
