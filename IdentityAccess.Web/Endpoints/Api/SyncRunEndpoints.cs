using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Provisioning.SyncRuns;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Sync now through the API: <c>POST /organizations/{id}/sync</c> (and <c>POST /sync</c> for every organization of the
/// parent) start it in the background (<see cref="SyncRunService"/>, running the portal's own Sync now with its
/// permission) and answer 202 with the run's <c>Location</c>; <c>GET /sync-runs/{id}</c> says where it stands. A refusal
/// known before starting is the POST's problem; one known only under the lock is the run's <c>Refused</c> state.
/// </summary>
internal static class SyncRunEndpoints
{
    private const string Tag = "Sync now";

    public static RouteGroupBuilder MapSyncRunEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/organizations/{organizationId:guid}/sync", StartAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("StartSyncNow").WithTags(Tag)
            .WithSummary("Start Sync now for an organization")
            .WithDescription("Reconciles the organization with the directory in the background, as the portal's Sync now does (for example to admit " +
                "people waiting for a seat once seats were bought). Answers 202 with the run's `Location`. Refused at once as in the portal: the key's " +
                "creator may not run it there (403), the parent's plan has no directory sync (403 `DirectorySyncNotInPlan`). A run already running for " +
                "the organization: 409 with its `Location`. Needs a read-write key.")
            .Produces<ApiSyncRun>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/sync", StartParentAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("StartParentSyncNow").WithTags(Tag)
            .WithSummary("Start Sync now for every organization of the parent")
            .WithDescription("As the parent page's Sync now: every organization of the key's parent that uses directory sync, in the background; " +
                "202 with the run's `Location`, 409 with the running one's. Parent admins only; a key limited to some organizations gets 403.")
            .Produces<ApiSyncRun>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/sync-runs/{runId:guid}", GetAsync)
            .WithName("GetSyncRun").WithTags(Tag)
            .WithSummary("Get a Sync now run")
            .WithDescription("Its state (`Running`, `Succeeded`, `Refused`, `Failed`), when it started and finished, and what it did: memberships " +
                "changed (and of them: `admitted`, `removed`, `roleOrTierChanged`, `queuedForSeat`), people waiting for a seat before and after. Poll it " +
                "until it is no longer `Running`; a run whose instance stopped ends `Failed` with the code `Abandoned`. Who may start the run may read it.")
            .Produces<ApiSyncRun>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> StartAsync([Description("The organization's id, as the organization list gives it.")] Guid organizationId,
        HttpContext http, OrganizationAccessService access, SyncRunService runs)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.RunSyncNow) is (_, { } refused))
        {
            return refused;
        }

        return Answer(await runs.StartForOrganizationAsync(organizationId, http.RequiredApiCaller().PersonId, http.RequestAborted));
    }

    private static async Task<IResult> StartParentAsync(HttpContext http, SyncRunService runs)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, "Sync now of the parent reaches every organization of it") is { } limited)
        {
            return limited;
        }

        var caller = http.RequiredApiCaller();
        return Answer(await runs.StartForParentAsync(caller.ParentId, caller.PersonId, http.RequestAborted));
    }

    private static async Task<IResult> GetAsync([Description("The run's id, as the `Location` of its start gives it.")] Guid runId, HttpContext http,
        SyncRunService runs)
    {
        var caller = http.RequiredApiCaller();
        var (run, refusal) = await runs.GetAsync(runId, caller.PersonId, http.RequestAborted);
        // Another parent's run, or one outside the key's limit, is not found, as an organization it may not reach.
        var reached = run is not null && run.ParentOrganizationId == caller.ParentId
            && (run.OrganizationId is { } organizationId ? caller.Reaches(organizationId) : caller.OrganizationIds.Count == 0);
        return !reached ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "NotFound", detail: "There is no such Sync now run.",
                extensions: new Dictionary<string, object?> { ["code"] = "SyncRunNotFound" })
            : refusal is not null ? ApiRefusals.Problem(refusal)
            : Results.Ok(ApiSyncRun.From(run!));
    }

    private static IResult Answer(SyncRunStart start)
    {
        if (start.Refusal is { } refusal)
        {
            return ApiRefusals.Problem(refusal);
        }

        if (start.AlreadyRunning is { } running)
        {
            var location = ApiSyncRun.Location(running.Id);
            return new LocatedProblem(location, Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: "Sync now is already running here; follow its Location until it ends, then start another if you still need one.",
                extensions: new Dictionary<string, object?> { ["code"] = "SyncAlreadyRunning", ["runId"] = running.Id, ["location"] = location }));
        }

        return Results.Accepted(ApiSyncRun.Location(start.Started!.Id), ApiSyncRun.From(start.Started));
    }

    /// <summary>A problem that also says where the resource it is about is (a 409's <c>Location</c>, RFC 9110 §10.2.2 allows it on any answer).</summary>
    private sealed class LocatedProblem(string location, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return problem.ExecuteAsync(httpContext);
        }
    }
}
