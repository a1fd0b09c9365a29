using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations</c>: the key's parent's organizations, within its limit, through the same queries and
/// permission checks as the parent page and the members page, acting as the key's creator.
/// </summary>
internal static class OrganizationEndpoints
{
    private const string OrganizationsTag = "Organizations";

    private const string MembersTag = "Members";

    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations", ListAsync)
            .WithName("ListOrganizations").WithTags(OrganizationsTag)
            .WithSummary("List the parent's organizations")
            .WithDescription("The organizations of the key's parent organization, within the key's limit if it has one. One page holds them all: `nextCursor` is always null.")
            .Produces<ApiList<ApiOrganization>>();
        api.MapGet("/organizations/{organizationId:guid}", GetAsync)
            .WithName("GetOrganization").WithTags(OrganizationsTag)
            .WithSummary("Get one organization")
            .WithDescription("An organization of the key's parent. Another parent's organization, or one outside the key's limit, is 404 as one that does not exist.")
            .Produces<ApiOrganization>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organizations/{organizationId:guid}/members", MembersAsync)
            .WithName("ListMembers").WithTags(MembersTag)
            .WithSummary("List an organization's members")
            .WithDescription("One page of the organization's members, searched by name or email. The members page's own permission applies: " +
                "the key's creator must be allowed to manage this organization's members (its Owners and chat Admins; Console: its Admins), or 403.")
            .Produces<ApiList<ApiMember>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ParentOrganizationsQuery organizations)
    {
        var caller = http.RequiredApiCaller();
        var rows = await organizations.ListAsync(caller.ParentId, caller.PersonId, http.RequestAborted);
        return rows is null
            ? Auth.ApiProblems.Refused()
            : Results.Ok(new ApiList<ApiOrganization>([.. rows.Where(r => caller.Reaches(r.Id)).Select(ApiOrganization.From)], null));
    }

    private static async Task<IResult> GetAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http, OrganizationAccessService access)
    {
        var (check, refused) = await ReachAsync(organizationId, http, access, Permission.ViewOrganization);
        return refused ?? Results.Ok(ApiOrganization.From(check!.Organization!));
    }

    private static async Task<IResult> MembersAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description("The `nextCursor` of the previous page, as it was given; none for the first page.")] string? cursor,
        [Description("How many members a page holds, 50 when not given.")][Range(1, MemberQuery.MaxTake)] int? limit,
        [Description("Only members whose name or email contains this text.")] string? search, HttpContext http,
        OrganizationAccessService access, MemberDirectory members)
    {
        if (ApiCursor.Decode(cursor) is not { } skip)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "InvalidInput",
                detail: "The cursor is not one this API returned; start again without it.", extensions: new Dictionary<string, object?> { ["field"] = "cursor" });
        }

        if (limit is < 1 or > MemberQuery.MaxTake)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "InvalidInput",
                detail: $"The limit is from 1 to {MemberQuery.MaxTake}.", extensions: new Dictionary<string, object?> { ["field"] = "limit" });
        }

        // The members page's own permission: seeing the people is managing them.
        var (_, refused) = await ReachAsync(organizationId, http, access, Permission.ManageMembers);
        if (refused is not null)
        {
            return refused;
        }

        var take = limit ?? 50;
        var page = await members.GetPageAsync(organizationId, new MemberQuery(search, skip, take), http.RequestAborted);
        var next = skip + page.Items.Count < page.TotalCount && page.Items.Count > 0 ? ApiCursor.Encode(skip + page.Items.Count) : null;
        return Results.Ok(new ApiList<ApiMember>([.. page.Items.Select(ApiMember.From)], next));
    }

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    /// <summary>
    /// The organization if the key may reach it and its creator holds <paramref name="permission"/> there: another
    /// parent's organization, or one outside the key's limit, is not found whatever the creator's roles elsewhere.
    /// </summary>
    internal static async Task<(OrganizationAccess? Check, IResult? Refused)> ReachAsync(Guid organizationId, HttpContext http,
        OrganizationAccessService access, Permission permission)
    {
        var caller = http.RequiredApiCaller();
        if (!caller.Reaches(organizationId))
        {
            return (null, ApiRefusals.OrganizationNotFound());
        }

        var check = await access.CheckAsync(organizationId, caller.PersonId, permission, http.RequestAborted);
        if (check.Organization?.ParentId != caller.ParentId)
        {
            return (null, ApiRefusals.OrganizationNotFound());
        }

        return check.IsGranted ? (check, null) : (null, ApiRefusals.Problem(check.Refusal!));
    }
}
