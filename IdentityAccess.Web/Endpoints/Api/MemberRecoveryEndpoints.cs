using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The members page's role recovery on one member, through its commands (<see cref="MemberAdministration"/>) as the
/// key's creator: clear a role kept by hand so the IdP decides again, or restore, once, the role a mapping or directory
/// change took. Each with the page's permission (clearing is the top role's, restoring another Admin's or Owner's).
/// </summary>
internal static class MemberRecoveryEndpoints
{
    private const string MembersTag = "Members";

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    private const string PersonIdText = "The member's `personId`, as the members list gives it.";

    public static RouteGroupBuilder MapMemberRecoveryEndpoints(this RouteGroupBuilder api)
    {
        var member = api.MapGroup("/organizations/{organizationId:guid}/members/{personId:guid}").WithTags(MembersTag)
            .RequireAuthorization(ApiCallers.WritePolicy);
        member.MapPost("/clear-role-override", ClearOverrideAsync)
            .WithName("ClearMemberRoleOverride")
            .WithSummary("Let the IdP decide a member's role again")
            .WithDescription("Clears the role kept by hand (`roleOverride` in the members list) where group mappings decide roles, as the members " +
                "page's Clear override: the next sync or sign-in sets the role the IdP's groups give. 409 `NoRoleOverride` when none is kept. The " +
                "organization's top role only (the Identity and access page's permission). Answers the member. Needs a read-write key.")
            .Produces<ApiMember>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        member.MapPost("/restore-previous-role", RestoreAsync)
            .WithName("RestoreMemberPreviousRole")
            .WithSummary("Restore the role sync took from a member")
            .WithDescription("Gives back, once, the role a mapping or directory change took (`previousRole` in the members list), as the members " +
                "page's Restore previous role; where the IdP decides roles it is kept by hand. Never one's own (403 `CannotRestoreOwnRole`: another " +
                "Admin or Owner decides); 409 `NothingToRestore` when there is none. Answers the member. Needs a read-write key.")
            .Produces<ApiMember>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static Task<IResult> ClearOverrideAsync([Description(OrganizationIdText)] Guid organizationId, [Description(PersonIdText)] Guid personId,
        HttpContext http, OrganizationAccessService access, MemberAdministration administration, MemberDirectory members) =>
        RecoverAsync(organizationId, personId, http, access, members, Permission.ManageIdentityAccess,
            membershipId => administration.ClearOverrideAsync(organizationId, membershipId, http.RequiredApiCaller().PersonId, http.RequestAborted));

    private static Task<IResult> RestoreAsync([Description(OrganizationIdText)] Guid organizationId, [Description(PersonIdText)] Guid personId,
        HttpContext http, OrganizationAccessService access, MemberAdministration administration, MemberDirectory members) =>
        RecoverAsync(organizationId, personId, http, access, members, Permission.RestorePreviousRole,
            membershipId => administration.RestorePreviousRoleAsync(organizationId, membershipId, http.RequiredApiCaller().PersonId, http.RequestAborted));

    /// <summary>
    /// The command's own permission first, so a caller who may not recover roles learns nothing of who is a member;
    /// then the person's membership (404 when they are not one), which the command checks again under the lock.
    /// </summary>
    private static async Task<IResult> RecoverAsync(Guid organizationId, Guid personId, HttpContext http, OrganizationAccessService access,
        MemberDirectory members, Permission permission, Func<Guid, Task<IReadOnlyList<Error>>> recover)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, permission) is (_, { } refused))
        {
            return refused;
        }

        if (await members.FindListedByPersonAsync(organizationId, personId, http.RequestAborted) is not { } member)
        {
            return ApiMemberProblems.Refused([new MemberNotFound()]);
        }

        var errors = await recover(member.MembershipId);
        if (errors.Count > 0)
        {
            return ApiMemberProblems.Refused(errors);
        }

        var changed = await members.FindListedByPersonAsync(organizationId, personId, http.RequestAborted);
        return changed is null ? ApiMemberProblems.Refused([new MemberNotFound()]) : Results.Ok(ApiMember.From(changed));
    }
}
