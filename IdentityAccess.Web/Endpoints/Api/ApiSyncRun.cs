using IdentityAccess.Core.Provisioning.SyncRuns;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A Sync now started through the API, as <c>GET /api/v1/sync-runs/{id}</c> shows it: <c>Running</c> until it ends
/// <c>Succeeded</c> (with its <see cref="Result"/>), <c>Refused</c> (nothing changed; <see cref="Refusal"/> says why, as a
/// problem's <c>code</c> would) or <c>Failed</c> (nothing changed either: a sync is one transaction).
/// </summary>
/// <param name="OrganizationId">The organization synced; null for a Sync now of every organization of the parent.</param>
internal sealed record ApiSyncRun(Guid Id, Guid? OrganizationId, string State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    ApiSyncResult? Result, ApiSyncRefusal? Refusal)
{
    public static ApiSyncRun From(SyncRun run) =>
        new(run.Id, run.OrganizationId, run.State.ToString(), run.StartedAt, run.FinishedAt,
            run.State == SyncRunState.Succeeded
                ? new ApiSyncResult(run.Changed ?? 0, run.Admitted, run.Removed, run.RoleOrTierChanged, run.QueuedForSeat, run.PendingBefore ?? 0, run.StillPending ?? 0)
                : null,
            run.Code is { } code ? new ApiSyncRefusal(code, run.Category, run.Detail ?? "") : null);

    /// <summary>Where the run is read: the <c>Location</c> of the start and of a 409 for a second one.</summary>
    public static string Location(Guid runId) => $"/api/v1/sync-runs/{runId}";
}

/// <param name="Changed">Memberships the sync changed (people admitted, removed, given another role or tier), as the portal's Sync now counts them.</param>
/// <param name="Admitted">Of <paramref name="Changed"/>: people made active members (provisioned, admitted from the seat queue, restored).
/// Null, as the three after it, on a run recorded before the changes were counted apart.</param>
/// <param name="Removed">Of <paramref name="Changed"/>: people removed, suspended or whose sign-in was blocked.</param>
/// <param name="RoleOrTierChanged">Of <paramref name="Changed"/>: people only given another role or seat tier.</param>
/// <param name="QueuedForSeat">Of <paramref name="Changed"/>: people put in the seat queue (waiting for a seat).</param>
/// <param name="PendingBefore">People waiting for a seat when the sync began.</param>
/// <param name="StillPending">People still waiting for a seat when it ended.</param>
internal sealed record ApiSyncResult(int Changed, int? Admitted, int? Removed, int? RoleOrTierChanged, int? QueuedForSeat, int PendingBefore, int StillPending);

/// <param name="Code">The refusal's code (as a problem's <c>code</c>), or <c>Failed</c> / <c>Abandoned</c>.</param>
/// <param name="Category">The refusal's category (<c>NotAllowed</c>, <c>Conflict</c>, ...); null when it failed.</param>
internal sealed record ApiSyncRefusal(string Code, string? Category, string Detail);
