using System.Globalization;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// The provisioning log's phrases in English: what the row's <c>Summary</c> keeps, for the CSV and JSON export (scripts
/// read it, so its sentences stay as they were before the phrases had codes) and for the command line. Pure: no culture,
/// no clock. The portal says the same phrases in the reader's language with its <c>SyncLogText.*</c> keys.
/// </summary>
public static class ProvisioningLogEnglish
{
    /// <summary>The phrases of a row, e.g. "Updated group 'Engineering': +3 −1 members; 2 membership changes"; null when none.</summary>
    public static string? Summary(IReadOnlyList<LogPhrase> phrases) => phrases.Count == 0 ? null : string.Join("; ", phrases.Select(Say));

    public static string Say(LogPhrase phrase)
    {
        var text = Words(phrase);
        if (phrase.Details is { Count: > 0 } details)
        {
            text += $" ({string.Join(", ", details.Select(Say))})";
        }

        if (phrase.Then is { Count: > 0 } then)
        {
            text += $": {string.Join("; ", then.Select(Say))}";
        }

        return text;
    }

    private static string Words(LogPhrase p) => p.Code switch
    {
        LogPhraseCode.UserCreated => $"Created user {p.Value(0)}",
        LogPhraseCode.UserCreatedInactive => $"Created user {p.Value(0)} (inactive)",
        LogPhraseCode.UserReplaced => $"Replaced user {p.Value(0)}",
        LogPhraseCode.UserUpdated => $"Updated user {p.Value(0)}",
        LogPhraseCode.UserDeleted => $"Deleted user {p.Value(0)}",
        LogPhraseCode.RenamedFrom => $"renamed from {p.Value(0)}",
        LogPhraseCode.Deactivated => "deactivated",
        LogPhraseCode.Reactivated => "reactivated",
        LogPhraseCode.LinkedToPerson => $"linked to the existing person {p.Value(0)}",
        LogPhraseCode.ProfileUpdated => $"profile of {p.Value(0)} updated",
        LogPhraseCode.NameChanged => "name",
        LogPhraseCode.EmailChanged => "email",
        LogPhraseCode.GroupCreated => $"Created group '{p.Value(0)}'",
        LogPhraseCode.GroupReplaced => $"Replaced group '{p.Value(0)}'",
        LogPhraseCode.GroupUpdated => $"Updated group '{p.Value(0)}'",
        LogPhraseCode.GroupDeleted => $"Deleted group '{p.Value(0)}'",
        LogPhraseCode.GroupRenamed => $"renamed '{p.Value(0)}' to '{p.Value(1)}'",
        LogPhraseCode.NoUserMatched => "No user matched the filter",
        LogPhraseCode.NoGroupMatched => "No group matched the filter",
        LogPhraseCode.UsersMatched => $"{Counted(p.CountAt(0), "user")} matched the filter",
        LogPhraseCode.GroupsMatched => $"{Counted(p.CountAt(0), "group")} matched the filter",
        LogPhraseCode.UsersListed => $"Listed {N(p.CountAt(0))} of {Counted(p.CountAt(1), "user")}",
        LogPhraseCode.GroupsListed => $"Listed {N(p.CountAt(0))} of {Counted(p.CountAt(1), "group")}",
        LogPhraseCode.UserRead => $"Read user {p.Value(0)}",
        LogPhraseCode.GroupRead => $"Read group '{p.Value(0)}'",
        LogPhraseCode.Bulk => $"Bulk: {Counted(p.CountAt(0), "operation")}, {N(p.CountAt(1))} succeeded, {N(p.CountAt(2))} failed",
        LogPhraseCode.BulkStopped =>
            $"Bulk: {Counted(p.CountAt(0), "operation")}, {N(p.CountAt(1))} succeeded, {N(p.CountAt(2))} failed, {N(p.CountAt(3))} not run (failOnErrors)",
        LogPhraseCode.NoMemberChanges => "no member changes",
        LogPhraseCode.MembersAdded => $"+{Counted(p.CountAt(0), "member")}",
        LogPhraseCode.MembersRemoved => $"\u2212{Counted(p.CountAt(0), "member")}",
        LogPhraseCode.MembersAddedRemoved => $"+{N(p.CountAt(0))} \u2212{N(p.CountAt(1))} members",
        LogPhraseCode.NestedGroupsSkipped => $"{Counted(p.CountAt(0), "nested group")} skipped (only direct members count)",
        LogPhraseCode.MembershipChanges => Counted(p.CountAt(0), "membership change"),
        LogPhraseCode.TopRoleHeld => $"Held: {p.Value(0)} kept as the last {p.Value(1)} of {p.Value(2)}",
        LogPhraseCode.HeldWithdrawn => $"Held change of {p.Value(0)} withdrawn by the IdP",
        LogPhraseCode.HeldApplied => $"Held change of {p.Value(0)} applied: {p.Value(1)} has another {p.Value(2)}",
        // Sync now wrote its count without grouping; kept so for the export.
        LogPhraseCode.SyncNow => $"Sync now by {p.Value(0)}: {p.Value(1)} membership change{(p.CountAt(1) == 1 ? "" : "s")}",
        LogPhraseCode.SignInChanged => p.Value(0),
        LogPhraseCode.PersonCreated => "created the person",
        LogPhraseCode.SubjectLinked => "linked the IdP's subject to the existing person",
        LogPhraseCode.ProfileChanged => "profile updated",
        LogPhraseCode.EmailNotChangedOutsideDomains => "email not changed: the asserted address is not of a verified domain",
        LogPhraseCode.EmailNotChangedUsedByAnother => "email not changed: the asserted address is another person's",
        LogPhraseCode.ProvisionedIn => $"provisioned in {p.Value(0)} as {Membership(p, 1)}",
        LogPhraseCode.RoleChangedIn => $"role in {p.Value(0)} {p.Value(1)} → {p.Value(2)}",
        LogPhraseCode.TierChangedIn => $"seat tier in {p.Value(0)} {OrNone(p.Value(1))} → {OrNone(p.Value(2))}",
        LogPhraseCode.StatusChangedIn => $"status in {p.Value(0)} {Status(p.Value(1))} → {Status(p.Value(2))}",
        LogPhraseCode.SignedIn => $"{p.Value(0)} signed in",
        LogPhraseCode.SignedInToAcceptInvitation => $"{p.Value(0)} signed in (an invitation to accept)",
        LogPhraseCode.SignedInTo => $"{Membership(p, 1)} in {p.Value(0)}",
        // A row's error: its ErrorDetail keeps the English it always had; these say the same for the command line.
        LogPhraseCode.SignInWaitingForSeat => $"{p.Value(0)}: waiting for a free seat ({p.Value(1)})",
        LogPhraseCode.SignInNotInMappedGroup => $"{p.Value(0)}: in no group mapped to a role ({p.Value(1)})",
        LogPhraseCode.SignInMembershipEnded => $"{p.Value(0)}: membership {p.Value(2)} ({p.Value(1)})",
        LogPhraseCode.SignInNotAMember => $"{p.Value(0)}: not a member of any organization of this parent",
        LogPhraseCode.SignInNoAccount => $"no account for {p.Value(0)}",
        LogPhraseCode.SignInJitNotInPlan => $"{p.Value(0)}: set to provision just in time, but the plan does not allow it",
        LogPhraseCode.SignInDomainNotVerified => $"the email's domain {p.Value(0)} is not one of {p.Value(1)}'s verified domains",
        LogPhraseCode.SignInSsoTurnedOff => "SSO was turned off during the login",
        LogPhraseCode.SignInResponseRejected => $"SAML response rejected ({p.Value(0)})",
        LogPhraseCode.SignInSubjectUnusable => "the assertion has no usable subject",
        LogPhraseCode.SignInServerError => $"the sign-in failed on the server ({p.Value(0)})",
        LogPhraseCode.ClientClosedConnection => "The client closed the connection before the response.",
    };

    /// <summary>A membership from values role, tier (empty for none), status (its enum name), e.g. "Owner, Pro seat" or "Member, waiting for a seat".</summary>
    private static string Membership(LogPhrase p, int at) =>
        p.Value(at) + (p.Value(at + 1) is { Length: > 0 } tier ? $", {tier} seat" : "") + (p.Value(at + 2) is "Active" or "" ? "" : $", {Status(p.Value(at + 2))}");

    private static string Status(string status) => status switch
    {
        "Active" => "active",
        "Invited" => "invited",
        "PendingSeat" => "waiting for a seat",
        "LoginBlocked" => "sign-in blocked",
        "Suspended" => "suspended",
        "Removed" => "removed",
        _ => status,
    };

    private static string OrNone(string tier) => tier.Length == 0 ? "none" : tier;

    private static string Counted(int count, string noun) => $"{N(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
