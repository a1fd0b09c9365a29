using IdentityAccess.Core.Access;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Drafts;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Core.Sso.GroupNames;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Core.Sso.SpKeys;
using IdentityAccess.Core.Sso.TestSignIn;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// Core's refusals in the reader's language: the one place a Core <see cref="Error"/> becomes words on screen. Core
/// keeps its English <see cref="Error.Message"/> for the command line, the logs and the JSON endpoints; the portal asks
/// here, with one key per record type (per case where one record says several sentences) and the record's values as
/// placeholders. Free text a record carries from outside (a parser's detail, a DNS error) stays as it came.
/// </summary>
public static class RefusalWords
{
    public static string Refusal(this IStringLocalizer localizer, Error error) => error switch
    {
        AccessRefused refused => AccessRefused(localizer, refused),
        NotSignedIn => localizer["Refusal.NotSignedIn"],
        OrganizationNotFound => localizer["Refusal.OrganizationNotFound"],
        ParentNotFound => localizer["Refusal.ParentNotFound"],
        ChangedMeanwhile => localizer["Refusal.ChangedMeanwhile"],
        ValidationFailed { Rule: ValidationRule.DomainLookupFailed, Arguments: [DomainCheckResult lookup] } => localizer.DomainCheck(lookup),
        ValidationFailed failed => ValidationFailed(localizer, failed),
        InvalidLogPeriod { Problem: LogPeriodProblem.NotADate } period => localizer["Refusal.InvalidLogPeriod.NotADate", period.Field, period.Text],
        InvalidLogPeriod { Problem: LogPeriodProblem.EndsBeforeStart } => localizer["Refusal.InvalidLogPeriod.EndsBeforeStart"],
        InvalidLogPeriod period => period.Message,

        SpKeyNextExists => localizer["Refusal.SpKeyNextExists"],
        SpKeyNoNext => localizer["Refusal.SpKeyNoNext"],
        SpKeyPreviousExists => localizer["Refusal.SpKeyPreviousExists"],
        SpKeyCurrentCannotBeRetired => localizer["Refusal.SpKeyCurrentCannotBeRetired"],
        SpKeyNotFound => localizer["Refusal.SpKeyNotFound"],
        DomainAlreadyListed listed => localizer["Refusal.DomainAlreadyListed", listed.Domain],
        DomainVerifiedElsewhere elsewhere => localizer["Refusal.DomainVerifiedElsewhere", elsewhere.Domain],
        DomainNotListed => localizer["Refusal.DomainNotListed"],
        DomainRemovalNotConfirmed removal => localizer["Refusal.DomainRemovalNotConfirmed", removal.Domain],
        SignInGroupNotFound => localizer["Refusal.SignInGroupNotFound"],
        SignInGroupNameInvalid invalid => SignInGroupNameInvalid(localizer, invalid.Problem),
        SignInGroupNameMapped mapped => localizer["Refusal.SignInGroupNameMapped", mapped.Name, mapped.Organizations],
        MetadataUrlInvalid url => localizer["Refusal.MetadataUrlInvalid", url.Detail],
        MetadataFetchFailed fetch => localizer["Refusal.MetadataFetchFailed", fetch.Detail],
        MetadataSourceMissing => localizer["Refusal.MetadataSourceMissing"],
        MetadataEntityChanged changed => localizer["Refusal.MetadataEntityChanged", changed.Now, changed.Was],
        NoPreviousMetadata => localizer["Refusal.NoPreviousMetadata"],
        SsoNeedsVerifiedDomain => localizer["Refusal.SsoNeedsVerifiedDomain"],
        SamlConnectionMissing => localizer["Refusal.SamlConnectionMissing"],
        SamlCustomAttributesMissing => localizer["Refusal.SamlCustomAttributesMissing"],
        SamlAttributeNameInvalid attribute => attribute.Problem switch
        {
            AttributeNameProblem.TooLong => localizer["Refusal.SamlAttributeNameInvalid.TooLong", SamlCustomAttributes.MaxLength],
            AttributeNameProblem.ControlCharacters => localizer["Refusal.SamlAttributeNameInvalid.ControlCharacters"],
            AttributeNameProblem.UnknownPreset => localizer["Refusal.SamlAttributeNameInvalid.UnknownPreset"],
        },
        SsoDisableNotConfirmed disable => localizer["Refusal.SsoDisableNotConfirmed", disable.People],
        SamlTestNotFound => localizer["Refusal.SamlTestNotFound"],
        SamlTestMetadataMissing => localizer["Refusal.SamlTestMetadataMissing"],

        TooManyActiveTokens tokens => localizer["Refusal.TooManyActiveTokens", tokens.Limit],
        TokenNotFound => localizer["Refusal.TokenNotFound"],
        DirectorySyncNotInPlan plan => localizer["Refusal.DirectorySyncNotInPlan", plan.ParentName, plan.Plan],
        TokenRevokeNotConfirmed revoke => localizer["Refusal.TokenRevokeNotConfirmed", revoke.Prefix],
        ModeNotAvailable mode => mode.Availability.Why switch
        {
            ModeUnavailableReason.TeamPlan => localizer["Mode.Unavailable.TeamPlan"],
            ModeUnavailableReason.ConsoleUnderParentPlan => localizer["Mode.Unavailable.ConsoleUnderParentPlan", mode.Availability.ParentPlan!],
            ModeUnavailableReason.UnderParentPlan => localizer["Mode.Unavailable.UnderParentPlan", mode.Availability.ParentPlan!],
            ModeUnavailableReason.None => mode.Message,
        },
        BreakGlassChangeNotAllowed breakGlass => localizer["Refusal.BreakGlassChangeNotAllowed", breakGlass.Who],
        WouldLockOutActingPerson { AtNextSignIn: true } lockOut =>
            localizer["Refusal.WouldLockOutActingPerson.AtNextSignIn", lockOut.RoleName, lockOut.OrganizationName],
        WouldLockOutActingPerson lockOut => localizer["Refusal.WouldLockOutActingPerson", lockOut.RoleName, lockOut.OrganizationName],
        WouldLeaveNoTopRole noTop => localizer["Refusal.WouldLeaveNoTopRole", noTop.RoleName, noTop.OrganizationName],
        ScimWithNoAssignedPeople => localizer["Refusal.ScimWithNoAssignedPeople"],
        MappingsWithoutRoleMapping => localizer["Refusal.MappingsWithoutRoleMapping"],
        StaleDraft => localizer["Refusal.StaleDraft"],
        DryRunOutdated => localizer["Refusal.DryRunOutdated"],
        SettingsDraftTooLarge => localizer["Refusal.SettingsDraftTooLarge"],
        ConfirmationRequired confirm => localizer.Count("Refusal.ConfirmationRequired", confirm.AffectedPeople, confirm.AffectedPeople),
        HeldChangeNotFound => localizer["Refusal.HeldChangeNotFound"],
        HeldChangeConfirmationRequired held => localizer["Refusal.HeldChangeConfirmationRequired", held.Email],
        HeldChangeLeavesNoTopRole held => localizer["Refusal.HeldChangeLeavesNoTopRole", held.RoleName, held.OrganizationName],
        HeldChangesNotFound => localizer["Refusal.HeldChangesNotFound"],
        HeldChangesConfirmationRequired held => localizer["Refusal.HeldChangesConfirmationRequired", held.Count, held.OrganizationName],
        RemovalGraceOutOfRange grace => localizer["Refusal.RemovalGraceOutOfRange", ParentOrganization.MaxRemovalGraceDays, grace.Days],

        InvitationLinkNotValid => localizer["Refusal.InvitationLinkNotValid"],
        InvitationForSomeoneElse other => localizer["Refusal.InvitationForSomeoneElse", other.InvitedEmail, other.SignedInEmail],
        InvitationNotPending => localizer["Refusal.InvitationNotPending"],
        MemberNotFound => localizer["Refusal.MemberNotFound"],
        AlreadyListed listed => listed.Status switch
        {
            MembershipStatus.PendingSeat => localizer["Refusal.AlreadyListed.PendingSeat", listed.Email, listed.OrganizationName],
            MembershipStatus.Suspended => localizer["Refusal.AlreadyListed.Suspended", listed.Email, listed.OrganizationName],
            MembershipStatus.Invited => localizer["Refusal.AlreadyListed.Invited", listed.Email, listed.OrganizationName],
            MembershipStatus.Active or MembershipStatus.LoginBlocked or MembershipStatus.Removed =>
                localizer["Refusal.AlreadyListed.Member", listed.Email, listed.OrganizationName],
        },
        NoFreeSeat { Tier: { } tier } => localizer["Refusal.NoFreeSeat.Tier", tier],
        NoFreeSeat => localizer["Refusal.NoFreeSeat"],
        OnlyTopRoleChangesTopRole only => localizer["Refusal.OnlyTopRoleChangesTopRole", only.RoleName],
        NoTopRoleLeft noTop => localizer["Refusal.NoTopRoleLeft", noTop.RoleName, noTop.OrganizationName],
        LastTopRoleCannotLeave last => localizer["Refusal.LastTopRoleCannotLeave", last.RoleName, last.OrganizationName],
        NoRoleOverride none => localizer["Refusal.NoRoleOverride", none.Email],
        NothingToRestore nothing => localizer["Refusal.NothingToRestore", nothing.Email],
        CannotRestoreOwnRole => localizer["Refusal.CannotRestoreOwnRole"],
        BreakGlassOwnerProtected owner => localizer["Refusal.BreakGlassOwnerProtected", owner.Who],
        SeatsInUse inUse => localizer.Count("Refusal.SeatsInUse", inUse.InUse),
        UseSingleSignOn => localizer["Refusal.UseSingleSignOn"],
        SignInLinkNotValid => localizer["Refusal.SignInLinkNotValid"],

        MetadataUnreadable unreadable => localizer["Refusal.MetadataUnreadable", unreadable.Detail],
        MetadataHasDocumentType => localizer["Refusal.MetadataHasDocumentType"],
        MetadataNotAnIdentityProvider notIdp => localizer["Refusal.MetadataNotAnIdentityProvider", notIdp.Detail],
        MetadataMissingRedirectBinding => localizer["Refusal.MetadataMissingRedirectBinding"],
        MetadataMissingSigningCertificate => localizer["Refusal.MetadataMissingSigningCertificate"],
        MetadataCertificateUnreadable => localizer["Refusal.MetadataCertificateUnreadable"],
        MetadataKeyNotRsa key => localizer["Refusal.MetadataKeyNotRsa", key.Subject],
        MetadataKeyTooSmall key => localizer["Refusal.MetadataKeyTooSmall", key.Subject, key.Bits, key.MinimumBits],
        SamlSubjectMissing subject => localizer["Refusal.SamlSubjectMissing", subject.Source],
        SamlSubjectAmbiguous subject => localizer["Refusal.SamlSubjectAmbiguous", subject.Attribute],
        SamlNameIdNotPersistent { Format: { } format } => localizer["Refusal.SamlNameIdNotPersistent", format],
        SamlNameIdNotPersistent => localizer["Refusal.SamlNameIdNotPersistent.Unspecified"],
        SamlRejection rejection => localizer["Refusal.SamlRejection", rejection.Reason, rejection.Detail],

        NotAMemberUnderParent notMember => localizer["Refusal.NotAMemberUnderParent", notMember.Email, notMember.ParentName],
        AlreadyParentAdmin admin => localizer["Refusal.AlreadyParentAdmin", admin.Email, admin.ParentName],
        LastParentAdmin last => localizer["Refusal.LastParentAdmin", last.ParentName],
        ParentAdminNotFound => localizer["Refusal.ParentAdminNotFound"],
        OnlyOrganizationOfParent only => localizer["Refusal.OnlyOrganizationOfParent", only.OrganizationName, only.ParentName],
        NotAStandaloneConsoleOrganization console => localizer["Refusal.NotAStandaloneConsoleOrganization", console.OrganizationName],
        AlreadyInThatParent already => localizer["Refusal.AlreadyInThatParent", already.OrganizationName, already.ParentName],
        JoinRequestAlreadyPending pending => localizer["Refusal.JoinRequestAlreadyPending", pending.OrganizationName],
        JoinRequestNotFound => localizer["Refusal.JoinRequestNotFound"],
        ParentPlanFixed plan => localizer["Refusal.ParentPlanFixed", plan.ParentName],

        ApiKeyNameInvalid name => localizer["Refusal.ApiKeyNameInvalid", name.MaxLength],
        ApiKeyExpiryInPast => localizer["Refusal.ApiKeyExpiryInPast"],
        ApiKeyOrganizationNotInParent => localizer["Refusal.ApiKeyOrganizationNotInParent"],
        ApiKeyNotFound => localizer["Refusal.ApiKeyNotFound"],

        // A refusal added to Core without words here shows in English until it gets them (a test names it).
        _ => error.Message,
    };

    private static string AccessRefused(IStringLocalizer localizer, AccessRefused refused) => refused.Because switch
    {
        AccessRefusedBecause.NotAMember => localizer["Refusal.AccessRefused.NotAMember", refused.PlaceName],
        AccessRefusedBecause.RoleLacksPermission => localizer["Refusal.AccessRefused.Role",
            Holders(localizer, refused.Product, refused.Permission), refused.PlaceName, RoleCatalog.DisplayName(refused.Role!.Value)]
            + (refused.HasLostTopRoleHint
                ? localizer["Refusal.AccessRefused.LostTopRoleHint", RoleCatalog.DisplayName(RoleCatalog.TopRole(refused.Product))]
                : ""),
        AccessRefusedBecause.NotParentAdmin =>
            localizer["Refusal.AccessRefused.NotParentAdmin", Holders(localizer, refused.Product, refused.Permission), refused.PlaceName],
    };

    /// <summary>Who holds a permission, as <see cref="OrganizationPermissions.Describe"/> says it in English.</summary>
    public static string Holders(IStringLocalizer localizer, Product product, Permission permission)
    {
        if (OrganizationPermissions.ScopeOf(permission) == PermissionScope.Parent)
        {
            return permission == Permission.ViewParent ? localizer["Refusal.Who.ParentAdminsAndTopRoles"] : localizer["Refusal.Who.ParentAdmins"];
        }

        var roles = OrganizationPermissions.RolesAllowed(product, permission);
        var who = new List<string>();
        if (roles.Count == RoleCatalog.RolesOf(product).Count)
        {
            who.Add(localizer["Refusal.Who.Members"]);
        }
        else if (roles.Count > 0)
        {
            var plural = roles.Select(role => localizer["Refusal.Who.RolePlural", RoleCatalog.DisplayName(role)].Value).ToList();
            who.Add(localizer["Refusal.Who.Roles", plural.Count == 1 ? plural[0]
                : localizer["Refusal.Who.And", string.Join(", ", plural.Take(plural.Count - 1)), plural[^1]]]);
        }

        if (OrganizationPermissions.ParentAdminsAllowed(product, permission))
        {
            who.Add(localizer["Refusal.Who.ParentAdmins"]);
        }

        return who.Count switch
        {
            0 => localizer["Refusal.Who.Nobody"],
            1 => who[0],
            _ => localizer["Refusal.Who.AndAlso", who[0], who[1]],
        };
    }

    private static string SignInGroupNameInvalid(IStringLocalizer localizer, GroupNameProblem problem) => problem switch
    {
        GroupNameProblem.Blank => localizer["Refusal.SignInGroupNameInvalid.Blank"],
        GroupNameProblem.TooLong => localizer["Refusal.SignInGroupNameInvalid.TooLong", GroupNameMatching.MaxLength],
        GroupNameProblem.ControlCharacters => localizer["Refusal.SignInGroupNameInvalid.ControlCharacters"],
        GroupNameProblem.TooLongNormalized => localizer["Refusal.SignInGroupNameInvalid.TooLongNormalized"],
    };

    // One key per rule broken, filled with the refusal's values.
    private static string ValidationFailed(IStringLocalizer localizer, ValidationFailed failed) =>
        localizer[KeyOf(failed.Rule), [.. failed.Arguments.Select(argument => argument ?? "")]];

    /// <summary>The resource key of a <see cref="IdentityAccess.Core.Common.ValidationFailed"/> refusal's words.</summary>
    public static string KeyOf(ValidationRule rule) => $"Refusal.ValidationFailed.{rule}";
}
