using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Web.Startup;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/members</c> writes: add or invite someone, change a member's role or seat tier, remove
/// a member, through the members page's own commands (<see cref="MemberAdministration"/>,
/// <see cref="InvitationAdministration"/>) acting as the key's creator, so every guard of the page holds (the top-role
/// gate, a free seat, an Owner left, the break-glass owner) and each change is audited with the key's name. A member is
/// named by their person id, as the members list gives it.
/// </summary>
internal static class MemberWriteEndpoints
{
    private const string MembersTag = "Members";

    public static RouteGroupBuilder MapMemberWriteEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/organizations/{organizationId:guid}/members").RequireAuthorization(ApiCallers.WritePolicy);
        members.MapPost("", AddAsync)
            .WithName("AddMember").WithTags(MembersTag)
            .WithSummary("Add or invite a member")
            .WithDescription("Adds someone at once (`invite` false or not sent) or invites them by email (`invite`: true), as the members page's " +
                "Add member and Invite dialogs do: a person already known keeps their name; the role defaults to User; a chat organization needs " +
                "a seat `tier` and a free seat in it (else 409 `NoFreeSeat`), a Console organization takes none. Only the top role makes someone " +
                "the top role (403). Needs a read-write key; the members page's permission applies, as the key's creator.")
            .Accepts<ApiNewMemberRequest>("application/json")
            .Produces<ApiMember>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        members.MapPatch("/{personId:guid}", ChangeAsync)
            .WithName("ChangeMember").WithTags(MembersTag)
            .WithSummary("Change a member's role or seat tier")
            .WithDescription("Sets the `role`, the `tier` or both (what is not sent stays), as the Change role or tier dialog does. Refused as " +
                "there: no Owner would be left (409 `NoTopRoleLeft`), no free seat in the new tier (409 `NoFreeSeat`), the top role given or taken " +
                "by someone who does not hold it (403), a role or tier the organization's product does not have (400). Needs a read-write key.")
            .Accepts<ApiMemberChangeRequest>("application/json")
            .Produces<ApiMember>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        members.MapDelete("/{personId:guid}", RemoveAsync)
            .WithName("RemoveMember").WithTags(MembersTag)
            .WithSummary("Remove a member")
            .WithDescription("Removes the member and frees their seat, as the members page's Remove does (an invitation is withdrawn too). " +
                "Refused as there: the last Owner removing themselves (409 `LastTopRoleCannotLeave`) or leaving none (409 `NoTopRoleLeft`). " +
                "Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> AddAsync([Description(OrganizationIdText)] Guid organizationId, ApiNewMemberRequest body, HttpContext http,
        OrganizationAccessService access, MemberAdministration administration, InvitationAdministration invitations, MemberDirectory members,
        PublicBaseUrl publicBase)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return refused;
        }

        var (member, invalid) = ApiMemberRequestReader.ReadNew(body);
        if (member is null)
        {
            return ApiMemberProblems.Invalid(invalid);
        }

        var acting = http.RequiredApiCaller().PersonId;
        // As on the members page, the invitation's link starts with Portal:PublicBaseUrl (the request's address in Development only).
        var errors = body.Invite == true
            ? await invitations.InviteAsync(organizationId, member, acting, publicBase.For(http.Request, "/").AbsoluteUri, http.RequestAborted)
            : await administration.AddAsync(organizationId, member, acting, http.RequestAborted);
        if (errors.Count > 0)
        {
            return ApiMemberProblems.Refused(errors);
        }

        var added = await members.FindListedByEmailAsync(organizationId, member.Email, http.RequestAborted);
        return added is null ? ApiMemberProblems.Refused([new MemberNotFound()]) : Results.Json(ApiMember.From(added), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ChangeAsync([Description(OrganizationIdText)] Guid organizationId, [Description(PersonIdText)] Guid personId,
        ApiMemberChangeRequest body, HttpContext http, OrganizationAccessService access, MemberAdministration administration, MemberDirectory members)
    {
        var (member, refused) = await FindAsync(organizationId, personId, http, access, members);
        if (refused is not null)
        {
            return refused;
        }

        var (change, invalid) = ApiMemberRequestReader.ReadChange(body, member!);
        if (change is not { } wanted)
        {
            return ApiMemberProblems.Invalid(invalid);
        }

        var errors = await administration.ChangeRoleAsync(organizationId, member!.MembershipId, wanted.Role, wanted.Tier, http.RequiredApiCaller().PersonId,
            http.RequestAborted);
        if (errors.Count > 0)
        {
            return ApiMemberProblems.Refused(errors);
        }

        var changed = await members.FindListedByPersonAsync(organizationId, personId, http.RequestAborted);
        return changed is null ? ApiMemberProblems.Refused([new MemberNotFound()]) : Results.Ok(ApiMember.From(changed));
    }

    private static async Task<IResult> RemoveAsync([Description(OrganizationIdText)] Guid organizationId, [Description(PersonIdText)] Guid personId,
        HttpContext http, OrganizationAccessService access, MemberAdministration administration, MemberDirectory members)
    {
        var (member, refused) = await FindAsync(organizationId, personId, http, access, members);
        if (refused is not null)
        {
            return refused;
        }

        var errors = await administration.RemoveAsync(organizationId, member!.MembershipId, http.RequiredApiCaller().PersonId, http.RequestAborted);
        return errors.Count > 0 ? ApiMemberProblems.Refused(errors) : Results.NoContent();
    }

    /// <summary>
    /// The listed member, once the key reaches the organization and its creator may manage its members: only then is
    /// an unknown person a 404 of its own, so a caller who may not manage them learns nothing of who is a member.
    /// The command checks again under the organization's lock.
    /// </summary>
    private static async Task<(MemberListItem? Member, IResult? Refused)> FindAsync(Guid organizationId, Guid personId, HttpContext http,
        OrganizationAccessService access, MemberDirectory members)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return (null, refused);
        }

        var member = await members.FindListedByPersonAsync(organizationId, personId, http.RequestAborted);
        return member is null ? (null, ApiMemberProblems.Refused([new MemberNotFound()])) : (member, null);
    }

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    private const string PersonIdText = "The member's `personId`, as the members list gives it.";
}
