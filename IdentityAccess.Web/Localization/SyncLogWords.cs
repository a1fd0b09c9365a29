using IdentityAccess.Core.Scim.Log;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// The directory sync log's rows in the reader's language: Core stores what a row says as phrase codes and values
/// (<see cref="ProvisioningLogCodes"/>), worded here with a <c>SyncLogText.*</c> key each. A row written before the
/// codes, or whose codes no longer read, shows its English summary as written. Names, emails, roles and tiers stay as
/// they are.
/// </summary>
public static class SyncLogWords
{
    /// <summary>What the row changed, or null when it said nothing.</summary>
    public static string? SyncLogSummary(this IStringLocalizer localizer, ProvisioningLogEntry entry) =>
        ProvisioningLogCodes.ReadSummary(entry.TextCodes) is { } phrases ? string.Join("; ", phrases.Select(p => localizer.SyncLogPhrase(p))) : entry.Summary;

    /// <summary>Why the row failed, in the reader's language; a row without an error phrase says its <c>ErrorDetail</c> as written.</summary>
    public static string? SyncLogError(this IStringLocalizer localizer, ProvisioningLogEntry entry) => localizer.SyncLogError(entry.TextCodes, entry.ErrorDetail);

    public static string? SyncLogError(this IStringLocalizer localizer, string? textCodes, string? englishDetail) =>
        ProvisioningLogCodes.ReadError(textCodes) is { } error ? localizer.SyncLogPhrase(error) : englishDetail;

    /// <summary>
    /// The English under a worded SAML validation failure, as a technical detail (which check refused it, and what it
    /// found, for the IdP's administrator or support); null where the sentence says it all.
    /// </summary>
    public static string? SyncLogTechnicalDetail(ProvisioningLogEntry entry) =>
        ProvisioningLogCodes.ReadError(entry.TextCodes) is { Code: LogPhraseCode.SignInResponseRejected or LogPhraseCode.SignInSubjectUnusable } ? entry.ErrorDetail : null;

    public static string SyncLogPhrase(this IStringLocalizer localizer, LogPhrase phrase)
    {
        var text = Words(localizer, phrase);
        if (phrase.Details is { Count: > 0 } details)
        {
            text += $" ({string.Join(", ", details.Select(d => localizer.SyncLogPhrase(d)))})";
        }

        if (phrase.Then is { Count: > 0 } then)
        {
            text += $": {string.Join("; ", then.Select(t => localizer.SyncLogPhrase(t)))}";
        }

        return text;
    }

    private static string Words(IStringLocalizer localizer, LogPhrase p) => p.Code switch
    {
        LogPhraseCode.UserCreated => localizer["SyncLogText.UserCreated", p.Value(0)],
        LogPhraseCode.UserCreatedInactive => localizer["SyncLogText.UserCreatedInactive", p.Value(0)],
        LogPhraseCode.UserReplaced => localizer["SyncLogText.UserReplaced", p.Value(0)],
        LogPhraseCode.UserUpdated => localizer["SyncLogText.UserUpdated", p.Value(0)],
        LogPhraseCode.UserDeleted => localizer["SyncLogText.UserDeleted", p.Value(0)],
        LogPhraseCode.RenamedFrom => localizer["SyncLogText.RenamedFrom", p.Value(0)],
        LogPhraseCode.Deactivated => localizer["SyncLogText.Deactivated"],
        LogPhraseCode.Reactivated => localizer["SyncLogText.Reactivated"],
        LogPhraseCode.LinkedToPerson => localizer["SyncLogText.LinkedToPerson", p.Value(0)],
        LogPhraseCode.ProfileUpdated => localizer["SyncLogText.ProfileUpdated", p.Value(0)],
        LogPhraseCode.NameChanged => localizer["SyncLogText.NameChanged"],
        LogPhraseCode.EmailChanged => localizer["SyncLogText.EmailChanged"],
        LogPhraseCode.GroupCreated => localizer["SyncLogText.GroupCreated", p.Value(0)],
        LogPhraseCode.GroupReplaced => localizer["SyncLogText.GroupReplaced", p.Value(0)],
        LogPhraseCode.GroupUpdated => localizer["SyncLogText.GroupUpdated", p.Value(0)],
        LogPhraseCode.GroupDeleted => localizer["SyncLogText.GroupDeleted", p.Value(0)],
        LogPhraseCode.GroupRenamed => localizer["SyncLogText.GroupRenamed", p.Value(0), p.Value(1)],
        LogPhraseCode.NoUserMatched => localizer["SyncLogText.NoUserMatched"],
        LogPhraseCode.NoGroupMatched => localizer["SyncLogText.NoGroupMatched"],
        LogPhraseCode.UsersMatched => localizer.Count("SyncLogText.UsersMatched", p.CountAt(0)),
        LogPhraseCode.GroupsMatched => localizer.Count("SyncLogText.GroupsMatched", p.CountAt(0)),
        LogPhraseCode.UsersListed => localizer.Count("SyncLogText.UsersListed", p.CountAt(1), N(p, 0)),
        LogPhraseCode.GroupsListed => localizer.Count("SyncLogText.GroupsListed", p.CountAt(1), N(p, 0)),
        LogPhraseCode.UserRead => localizer["SyncLogText.UserRead", p.Value(0)],
        LogPhraseCode.GroupRead => localizer["SyncLogText.GroupRead", p.Value(0)],
        LogPhraseCode.Bulk => localizer.Count("SyncLogText.Bulk", p.CountAt(0), N(p, 1), N(p, 2)),
        LogPhraseCode.BulkStopped => localizer.Count("SyncLogText.BulkStopped", p.CountAt(0), N(p, 1), N(p, 2), N(p, 3)),
        LogPhraseCode.NoMemberChanges => localizer["SyncLogText.NoMemberChanges"],
        LogPhraseCode.MembersAdded => localizer.Count("SyncLogText.MembersAdded", p.CountAt(0)),
        LogPhraseCode.MembersRemoved => localizer.Count("SyncLogText.MembersRemoved", p.CountAt(0)),
        LogPhraseCode.MembersAddedRemoved => localizer["SyncLogText.MembersAddedRemoved", N(p, 0), N(p, 1)],
        LogPhraseCode.NestedGroupsSkipped => localizer.Count("SyncLogText.NestedGroupsSkipped", p.CountAt(0)),
        LogPhraseCode.MembershipChanges => localizer.Count("SyncLogText.MembershipChanges", p.CountAt(0)),
        LogPhraseCode.TopRoleHeld => localizer["SyncLogText.TopRoleHeld", p.Value(0), p.Value(1), p.Value(2)],
        LogPhraseCode.HeldWithdrawn => localizer["SyncLogText.HeldWithdrawn", p.Value(0)],
        LogPhraseCode.HeldApplied => localizer["SyncLogText.HeldApplied", p.Value(0), p.Value(1), p.Value(2)],
        LogPhraseCode.SyncNow => localizer.Count("SyncLogText.SyncNow", p.CountAt(1), p.Value(0)),
        LogPhraseCode.SignInChanged => p.Value(0),
        LogPhraseCode.PersonCreated => localizer["SyncLogText.PersonCreated"],
        LogPhraseCode.SubjectLinked => localizer["SyncLogText.SubjectLinked"],
        LogPhraseCode.ProfileChanged => localizer["SyncLogText.ProfileChanged"],
        LogPhraseCode.EmailNotChangedOutsideDomains => localizer["SyncLogText.EmailNotChangedOutsideDomains"],
        LogPhraseCode.EmailNotChangedUsedByAnother => localizer["SyncLogText.EmailNotChangedUsedByAnother"],
        LogPhraseCode.ProvisionedIn => localizer["SyncLogText.ProvisionedIn", p.Value(0), Membership(localizer, p, 1)],
        LogPhraseCode.RoleChangedIn => localizer["SyncLogText.RoleChangedIn", p.Value(0), p.Value(1), p.Value(2)],
        LogPhraseCode.TierChangedIn => localizer["SyncLogText.TierChangedIn", p.Value(0), Tier(localizer, p.Value(1)), Tier(localizer, p.Value(2))],
        LogPhraseCode.StatusChangedIn => localizer["SyncLogText.StatusChangedIn", p.Value(0), Status(localizer, p.Value(1)), Status(localizer, p.Value(2))],
        LogPhraseCode.SignedIn => localizer["SyncLogText.SignedIn", p.Value(0)],
        LogPhraseCode.SignedInToAcceptInvitation => localizer["SyncLogText.SignedInToAcceptInvitation", p.Value(0)],
        LogPhraseCode.SignedInTo => localizer["SyncLogText.SignedInTo", p.Value(0), Membership(localizer, p, 1)],
        LogPhraseCode.SignInWaitingForSeat => localizer["SignInLog.WaitingForSeat", p.Value(0), p.Value(1)],
        LogPhraseCode.SignInNotInMappedGroup => localizer["SignInLog.NotInMappedGroup", p.Value(0), p.Value(1)],
        LogPhraseCode.SignInMembershipEnded => localizer["SignInLog.MembershipEnded", p.Value(0), p.Value(1), Status(localizer, p.Value(2))],
        LogPhraseCode.SignInNotAMember => localizer["SignInLog.NotAMember", p.Value(0)],
        LogPhraseCode.SignInNoAccount => localizer["SignInLog.NoAccount", p.Value(0)],
        LogPhraseCode.SignInJitNotInPlan => localizer["SignInLog.JitNotInPlan", p.Value(0)],
        LogPhraseCode.SignInDomainNotVerified => localizer["SignInLog.DomainNotVerified", p.Value(0), p.Value(1)],
        LogPhraseCode.SignInSsoTurnedOff => localizer["SignInLog.SsoTurnedOff"],
        LogPhraseCode.SignInResponseRejected => SamlRejectionWords.Say(localizer, p.Value(0)),
        LogPhraseCode.SignInSubjectUnusable => localizer["SignInLog.SubjectUnusable"],
        LogPhraseCode.SignInServerError => localizer["SignInLog.ServerError", p.Value(0)],
        LogPhraseCode.ClientClosedConnection => localizer["SignInLog.ClientClosed"],
    };

    /// <summary>Role, then the seat and the status when they say something: "Owner, Premium seat, waiting for a seat".</summary>
    private static string Membership(IStringLocalizer localizer, LogPhrase p, int at)
    {
        var parts = new List<string> { p.Value(at) };
        if (p.Value(at + 1) is { Length: > 0 } tier)
        {
            parts.Add(localizer["SyncLogText.Seat", tier]);
        }

        if (p.Value(at + 2) is { Length: > 0 } status and not "Active")
        {
            parts.Add(Status(localizer, status));
        }

        return string.Join(", ", parts);
    }

    private static string Tier(IStringLocalizer localizer, string tier) => tier.Length == 0 ? localizer["SyncLogText.NoTier"] : tier;

    private static string Status(IStringLocalizer localizer, string status) => status switch
    {
        "Active" => localizer["SyncLogText.Status.Active"],
        "Invited" => localizer["SyncLogText.Status.Invited"],
        "PendingSeat" => localizer["SyncLogText.Status.PendingSeat"],
        "LoginBlocked" => localizer["SyncLogText.Status.LoginBlocked"],
        "Suspended" => localizer["SyncLogText.Status.Suspended"],
        "Removed" => localizer["SyncLogText.Status.Removed"],
        _ => status,
    };

    private static string N(LogPhrase p, int index) => PortalStrings.Number(p.CountAt(index));
}
