using IdentityAccess.Core.Members;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Web.Components.Members;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// The test sign-in's "would do" sentences in the reader's language: Core returns each as a <see cref="TestPreviewCode"/>
/// and its values (keeping the English for the stored result), the portal words it here with a <c>TestPreview.*</c> key.
/// Names, emails and domains stay as they are; a refusal over groups says the engine's reason as ReasonWords does.
/// </summary>
public static class TestPreviewWords
{
    public static string TestPreview(this IStringLocalizer localizer, TestPreviewLine line)
    {
        var v = line.Values;
        return line.Code switch
        {
            TestPreviewCode.AlreadyLinked => localizer["TestPreview.AlreadyLinked", v[0], v[1]],
            TestPreviewCode.NobodyNoEmail => localizer["TestPreview.NobodyNoEmail"],
            TestPreviewCode.NobodyDomainNotVerified => localizer["TestPreview.NobodyDomainNotVerified", v[0], v[1]],
            TestPreviewCode.NobodyNoDomainVerified => localizer["TestPreview.NobodyNoDomainVerified", v[0]],
            TestPreviewCode.LinkedByEmail => localizer["TestPreview.LinkedByEmail", v[0], v[1]],
            TestPreviewCode.WouldCreate => localizer["TestPreview.WouldCreate", v[0], v[1]],
            TestPreviewCode.NobodyNoAccount => localizer["TestPreview.NobodyNoAccount", v[0]],
            TestPreviewCode.RefusedNoEmail => localizer["TestPreview.RefusedNoEmail"],
            TestPreviewCode.RefusedDomainNotVerified => localizer["TestPreview.RefusedDomainNotVerified"],
            TestPreviewCode.RefusedNoAccount => localizer["TestPreview.RefusedNoAccount"],
            TestPreviewCode.SignedInAs => localizer["TestPreview.SignedInAs", v[0], v[1]],
            TestPreviewCode.RefusedWaitingForSeat => localizer["TestPreview.RefusedWaitingForSeat", v[0]],
            TestPreviewCode.RefusedNotInMappedGroup => localizer["TestPreview.RefusedNotInMappedGroup", v[0],
                line.Reason is { } reason ? localizer.Reason(reason) : localizer["TestPreview.NoMappedGroup"]],
            TestPreviewCode.RefusedMembershipEnded => localizer["TestPreview.RefusedMembershipEnded", v[0],
                Enum.TryParse<MembershipStatus>(v[1], out var status) ? MemberLabels.Status(localizer, status) : v[1]],
            TestPreviewCode.RefusedNotAMember => localizer["TestPreview.RefusedNotAMember"],
        };
    }
}
