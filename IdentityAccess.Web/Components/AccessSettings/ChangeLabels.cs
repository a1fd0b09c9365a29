using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>How the dry run's changes read on screen.</summary>
public static class ChangeLabels
{
    /// <summary>The order the diff lists them in: what takes access away first.</summary>
    public static IReadOnlyList<ChangeKind> Order { get; } =
    [
        ChangeKind.Deprovision, ChangeKind.Suspend, ChangeKind.BlockSignIn, ChangeKind.Demote, ChangeKind.BecomePending,
        ChangeKind.TierChange, ChangeKind.Promote, ChangeKind.Provision, ChangeKind.Admit, ChangeKind.Restore,
    ];

    /// <summary>A kind of change as a group's heading, in the reader's language (<c>Change.&lt;kind&gt;</c>).</summary>
    public static string Title(IStringLocalizer localizer, ChangeKind kind) => localizer[$"Change.{kind}"];

    /// <summary>"Role, tier → role, tier": roles and tiers are product names, kept in English in every edition of the article.</summary>
    public static string Detail(IStringLocalizer localizer, PersonOutcome outcome)
    {
        var current = outcome.Person.Membership;
        var desired = outcome.Desired;
        string notMember = localizer["Change.NotAMember"];
        var from = current is { IsMember: true } ? $"{RoleCatalog.DisplayName(current.Role)}{Tier(current.Tier)}" : notMember;
        var to = desired is null || desired.Status == Core.Members.MembershipStatus.Removed ? notMember : $"{RoleCatalog.DisplayName(desired.Role)}{Tier(desired.Tier)}";
        return from == to ? to : $"{from} → {to}";
    }

    private static string Tier(SeatTier? tier) => tier is { } t ? $", {t}" : "";
}
