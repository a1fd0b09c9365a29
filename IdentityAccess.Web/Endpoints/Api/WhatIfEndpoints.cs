using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The settings page's and the members page's explanations, for a program: the what-if simulator
/// (<c>POST …/identity-access/what-if</c>), "Why this role?" (<c>GET …/members/{personId}/role-explanation</c>) and
/// "known to your IdP, not members" (<c>GET …/identity-access/not-members</c>), each through the page's own query and
/// permission (<see cref="ProvisioningSettingsService"/>). None of them changes anything.
/// </summary>
internal static class WhatIfEndpoints
{
    private const string Tag = "Identity and access";
    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    public static RouteGroupBuilder MapWhatIfEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/organizations/{organizationId:guid}/identity-access/what-if", WhatIfAsync)
            .WithName("WhatIfIdentityAccessSettings").WithTags(Tag)
            .WithSummary("Ask what settings would do to one person")
            .WithDescription("The settings page's what-if simulator: under `settings` (the body a dry run takes; the saved settings when not sent), " +
                "the outcome for the directory person with this `email`, or for a newcomer assigned to the IdP app in these `groupKeys` (one of the " +
                "two): role, tier, status, the changes and the engine's reasons. Changes nothing. The settings page's permission applies.")
            .Accepts<ApiWhatIfRequest>("application/json")
            .Produces<ApiPersonChange>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organizations/{organizationId:guid}/members/{personId:guid}/role-explanation", ExplainAsync)
            .WithName("ExplainMemberRole").WithTags(Tag)
            .WithSummary("Why a member has their role and seat tier")
            .WithDescription("The members page's \"Why this role?\": the person's outcome under the saved settings, with every reason (the groups and " +
                "mappings, precedence, tier defaults, seats). 404 for someone the organization does not know. The members page's permission applies.")
            .Produces<ApiRoleExplanation>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organizations/{organizationId:guid}/identity-access/not-members", NotMembersAsync)
            .WithName("ListAssignedButNotMembers").WithTags(Tag)
            .WithSummary("List who the IdP assigns but is not a member")
            .WithDescription("The settings page's \"known to your IdP, not members\": people in the directory or seen at sign-in who are not members " +
                "here, each with why not (not in a mapped group, waiting for a seat…), 50 a page in email order, searched by name or email.")
            .Produces<ApiNotMembers>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> WhatIfAsync([Description(OrganizationIdText)] Guid organizationId, ApiWhatIfRequest body, HttpContext http,
        OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (reached, refused) = await ApiSettingsChange.ReachAsync(organizationId, http, access, settings);
        if (refused is not null)
        {
            return refused;
        }

        var (organization, view) = reached!.Value;
        var (draft, invalid) = ApiSettingsRequestReader.Read(body.SettingsOr(view), view, organization.Product, apply: false);
        var errors = invalid.Select(e => e with { Field = e.Field is null ? "settings" : $"settings.{e.Field}" }).Concat(WhoErrors(body, view)).ToList();
        if (draft is null || errors.Count > 0)
        {
            return ApiSettingsProblems.Invalid(errors, "The question is not valid; nothing was changed.");
        }

        var groups = body.GroupKeys?.Select(k => k!).ToList() ?? [];
        var outcome = await settings.SimulateAsync(organizationId, draft, http.RequiredApiCaller().PersonId, body.Email, groups, http.RequestAborted);
        return outcome is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "NotFound",
                detail: "Nobody with this email is in the directory or known to this organization.",
                extensions: new Dictionary<string, object?> { ["code"] = "PersonNotKnown", ["field"] = "email" })
            : Results.Ok(ApiPersonChange.From(outcome));
    }

    // Who the question is about: a person by email, or a newcomer by the groups they would be in; each group one the directory has.
    private static IEnumerable<ApiRefusal> WhoErrors(ApiWhatIfRequest body, ProvisioningSettingsView view)
    {
        var byEmail = !string.IsNullOrWhiteSpace(body.Email);
        if (byEmail == body.GroupKeys is not null)
        {
            yield return ApiRefusal.Invalid("email", "OneOfEmailOrGroupKeys", "Send either `email` (someone in the directory) or `groupKeys` (a newcomer in those groups).");
            yield break;
        }

        var known = view.Groups.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < (body.GroupKeys?.Count ?? 0); i++)
        {
            if (body.GroupKeys![i] is not { } key || !known.Contains(key))
            {
                yield return ApiRefusal.Invalid($"groupKeys[{i}]", "UnknownGroup", "The directory has no group with this key (GET …/identity-access lists them).");
            }
        }
    }

    private static async Task<IResult> ExplainAsync([Description(OrganizationIdText)] Guid organizationId, [Description("The person's id.")] Guid personId,
        HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return refused;
        }

        var explanation = await settings.ExplainAsync(organizationId, personId, http.RequiredApiCaller().PersonId, http.RequestAborted);
        return explanation is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "NotFound", detail: "This organization does not know this person.",
                extensions: new Dictionary<string, object?> { ["code"] = "PersonNotKnown" })
            : Results.Ok(new ApiRoleExplanation(explanation.Settings.Mode.ToString(), explanation.Settings.AdvancedGroupMappings,
                ApiPersonChange.From(explanation.Outcome)));
    }

    private static async Task<IResult> NotMembersAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description("Only people whose name or email contains this text.")] string? search,
        [Description("The `nextCursor` of the previous page, as it was given; none for the first page.")] string? cursor,
        HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        if (ApiCursor.Decode(cursor) is not { } skip)
        {
            return ApiMemberProblems.Invalid([ApiRefusal.Invalid("cursor", "InvalidCursor", "The cursor is not one this API returned; start again without it.")]);
        }

        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewIdentityAccess) is (_, { } refused))
        {
            return refused;
        }

        var page = await settings.GetAssignedButNotMembersAsync(organizationId, http.RequiredApiCaller().PersonId, new NotMembersQuery(search, skip),
            http.RequestAborted);
        if (page is null)
        {
            return ApiRefusals.OrganizationNotFound(); // no longer allowed since the check above
        }

        var next = page.HasNext && page.People.Count > 0 ? ApiCursor.Encode(skip + NotMembersQuery.PageSize) : null;
        return Results.Ok(new ApiNotMembers([.. page.People.Select(ApiPersonChange.From)], page.Count, next));
    }
}
