using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Web.Startup;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/invitations</c>: the members page's pending invitations, resent or revoked through its
/// own queries and commands (<see cref="InvitationDirectory"/>, <see cref="InvitationAdministration"/>) as the key's
/// creator, so the page's permission and top-role gate hold and each change is audited with the key's name.
/// </summary>
internal static class InvitationApiEndpoints
{
    private const string Tag = "Invitations";

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    private const string InvitationIdText = "The invitation's `id`, as the invitations list gives it.";

    public static RouteGroupBuilder MapInvitationApiEndpoints(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/organizations/{organizationId:guid}/invitations").WithTags(Tag);
        invitations.MapGet("", ListAsync)
            .WithName("ListInvitations")
            .WithSummary("List an organization's pending invitations")
            .WithDescription("The invitations waiting for their person, last sent first, as the members page lists them (at most " +
                $"{InvitationDirectory.MaxListed}; `nextCursor` is always null): who, as what, invited when and by whom, until when, and where the " +
                "latest email is. The invitation link is never in an answer: the email carries it. The members page's permission applies.")
            .Produces<ApiList<ApiInvitation>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapPost("/{invitationId:guid}/resend", ResendAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ResendInvitation")
            .WithSummary("Resend an invitation")
            .WithDescription("As the members page's Resend: a new link (the old one stops working), a new expiry, another email. Answers the " +
                "invitation as listed. An invitation accepted, revoked or expired meanwhile is 404 `InvitationNotPending`; an invitation to the top role " +
                "is resent only by the top role (403). Needs a read-write key.")
            .Produces<ApiInvitation>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        invitations.MapDelete("/{invitationId:guid}", RevokeAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RevokeInvitation")
            .WithSummary("Revoke an invitation")
            .WithDescription("As the members page's Revoke: the link stops working, the person leaves the members list and their seat is free " +
                "again. Same refusals as resend. Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http, OrganizationAccessService access,
        InvitationDirectory invitations)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return refused;
        }

        var pending = await invitations.ListPendingAsync(organizationId, http.RequiredApiCaller().PersonId, http.RequestAborted);
        // The links are the invited people's: no shared cache keeps who was invited either.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new ApiList<ApiInvitation>([.. pending.Select(ApiInvitation.From)], null));
    }

    private static async Task<IResult> ResendAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description(InvitationIdText)] Guid invitationId, HttpContext http, OrganizationAccessService access, InvitationAdministration administration,
        InvitationDirectory invitations, PublicBaseUrl publicBase)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return refused;
        }

        var acting = http.RequiredApiCaller().PersonId;
        // As on the members page, the new link starts with Portal:PublicBaseUrl (the request's address in Development only).
        if (await administration.ResendAsync(organizationId, invitationId, acting, publicBase.For(http.Request, "/").AbsoluteUri, http.RequestAborted) is { } error)
        {
            return ApiRefusals.Problem(error);
        }

        var resent = (await invitations.ListPendingAsync(organizationId, acting, http.RequestAborted)).FirstOrDefault(i => i.InvitationId == invitationId);
        return resent is null ? ApiRefusals.Problem(new InvitationNotPending()) : Results.Ok(ApiInvitation.From(resent));
    }

    private static async Task<IResult> RevokeAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description(InvitationIdText)] Guid invitationId, HttpContext http, OrganizationAccessService access, InvitationAdministration administration)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return refused;
        }

        return await administration.RevokeAsync(organizationId, invitationId, http.RequiredApiCaller().PersonId, http.RequestAborted) is { } error
            ? ApiRefusals.Problem(error)
            : Results.NoContent();
    }
}
