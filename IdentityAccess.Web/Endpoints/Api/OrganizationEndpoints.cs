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
    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations", ListAsync);
        api.MapGet("/organizations/{organizationId:guid}", GetAsync);
        api.MapGet("/organizations/{organizationId:guid}/members", MembersAsync);
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

    private static async Task<IResult> GetAsync(Guid organizationId, HttpContext http, OrganizationAccessService access)
    {
        var (check, refused) = await ReachAsync(organizationId, http, access, Permission.ViewOrganization);
        return refused ?? Results.Ok(ApiOrganization.From(check!.Organization!));
    }

    private static async Task<IResult> MembersAsync(Guid organizationId, string? cursor, int? limit, string? search, HttpContext http,
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
