using System.Globalization;
using System.Text.Json.Serialization;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// One sentence of the test sign-in's "would do" (who the person would be, whether they would get in) as a code and
/// its values (names, emails, domains, an organization, a membership status), and for a refusal over groups the rule
/// engine's reason. The portal says it in the reader's language; <see cref="Text"/> is the English, as it was stored
/// and logged before the sentences had codes.
/// </summary>
public sealed record TestPreviewLine(TestPreviewCode Code, IReadOnlyList<string> Values, OutcomeReason? Reason = null)
{
    public static TestPreviewLine Of(TestPreviewCode code, params string[] values) => new(code, values);

    /// <summary>The sentence in English; a reason, when there is one, fills the place after the values.</summary>
    [JsonIgnore]
    public string Text => string.Format(CultureInfo.InvariantCulture, English(Code), [.. Values, Reason?.Text ?? "in no group mapped to a role"]);

    public override string ToString() => Text;

    public bool Equals(TestPreviewLine? other) => other is not null && Code == other.Code && Values.SequenceEqual(other.Values) && Equals(Reason, other.Reason);

    public override int GetHashCode() => HashCode.Combine(Code, Values.Count);

    /// <summary>The English of each code, with the placeholders its values fill; the portal's Portal.resx says the same.</summary>
    public static string English(TestPreviewCode code) => code switch
    {
        TestPreviewCode.AlreadyLinked => "Already linked to {0} ({1}): recognized by this IdP id.",
        TestPreviewCode.NobodyNoEmail => "Nobody here: not linked yet, and the IdP sent no email to find or create the person by.",
        TestPreviewCode.NobodyDomainNotVerified => "Nobody here: not linked yet, and {0}'s domain is not one of the parent's verified domains ({1}).",
        TestPreviewCode.NobodyNoDomainVerified => "Nobody here: not linked yet, and {0}'s domain is not one of the parent's verified domains (none verified yet).",
        TestPreviewCode.LinkedByEmail => "Would be linked by email to {0} ({1}), whose domain the parent verified.",
        TestPreviewCode.WouldCreate => "Would be created as a new person, {0} ({1}), because an organization provisions just in time.",
        TestPreviewCode.NobodyNoAccount => "Nobody here: no account for {0}, and no organization of the parent provisions just in time.",
        TestPreviewCode.RefusedNoEmail => "Would be refused (NoAccountYet): no account, and no email to find one by.",
        TestPreviewCode.RefusedDomainNotVerified => "Would be refused (EmailDomainNotVerified): the email's domain is not verified by this parent, so it is never linked nor created.",
        TestPreviewCode.RefusedNoAccount => "Would be refused (NoAccountYet): no account yet, and nothing creates one at sign-in.",
        TestPreviewCode.SignedInAs => "Would be signed in as {0} ({1}).",
        TestPreviewCode.RefusedWaitingForSeat => "Would be refused (NoSeatAvailable): waiting for a free seat ({0}).",
        TestPreviewCode.RefusedNotInMappedGroup => "Would be refused (NotInMappedGroup): {1} ({0}).",
        TestPreviewCode.RefusedMembershipEnded => "Would be refused (MembershipEnded): membership {1} ({0}).",
        TestPreviewCode.RefusedNotAMember => "Would be refused (NoAccountYet): not a member of any organization of this parent.",
    };
}

/// <summary>The sentences of the test sign-in's preview; the values each names are in <see cref="TestPreviewLine.English"/>.</summary>
public enum TestPreviewCode
{
    AlreadyLinked,
    NobodyNoEmail,
    NobodyDomainNotVerified,
    NobodyNoDomainVerified,
    LinkedByEmail,
    WouldCreate,
    NobodyNoAccount,
    RefusedNoEmail,
    RefusedDomainNotVerified,
    RefusedNoAccount,
    SignedInAs,
    RefusedWaitingForSeat,
    RefusedNotInMappedGroup,
    RefusedMembershipEnded,
    RefusedNotAMember,
}
