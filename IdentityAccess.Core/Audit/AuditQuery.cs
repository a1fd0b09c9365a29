using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Audit;

/// <summary>
/// A page of one organization's audit log, newest first, optionally narrowed by text, by action (a dotted name or its
/// start, e.g. <c>membership.</c>), by actor (part of the name shown), by the person the entry is about (their email), by
/// scope and by date range. The page and the export filter alike.
/// </summary>
public sealed record AuditQuery(string? Search = null, int Skip = 0, int Take = 50)
{
    public const int MaxTake = 200;

    public string? Action { get; init; }

    public string? Actor { get; init; }

    public AuditScope Scope { get; init; } = AuditScope.All;

    public LogPeriod Period { get; init; } = LogPeriod.All;

    /// <summary>
    /// The person the entries are about, by email (any case): the entries whose target is that address. Only narrows
    /// what the scope already shows, so it never reaches another organization's entries.
    /// </summary>
    public string? Person { get; init; }

    /// <param name="personTargets">The targets that stand for <see cref="Person"/> (<see cref="AuditSubject"/>); null for no person filter.</param>
    internal IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events, Guid organizationId, Guid parentId, IReadOnlyCollection<string>? personTargets = null)
    {
        events = Scope switch
        {
            AuditScope.All => events.Where(e => e.OrganizationId == organizationId || (e.OrganizationId == null && e.ParentOrganizationId == parentId)),
            AuditScope.Organization => events.Where(e => e.OrganizationId == organizationId),
            AuditScope.Parent => events.Where(e => e.OrganizationId == null && e.ParentOrganizationId == parentId),
        };
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
            events = events.Where(e => e.Action.ToUpper().Contains(term) || e.Target.ToUpper().Contains(term) || e.Actor.ToUpper().Contains(term)
                || (e.ViaApiKey != null && e.ViaApiKey.ToUpper().Contains(term)));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            events = events.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim().ToUpperInvariant();
            // "Who" is the person and the key they used: a key's name finds what was done through it.
            events = events.Where(e => e.Actor.ToUpper().Contains(actor) || (e.ViaApiKey != null && e.ViaApiKey.ToUpper().Contains(actor)));
        }

        if (personTargets is not null)
        {
            // An exact match on the target, so the (organization, target) indexes answer it however long the log is.
            events = events.Where(e => personTargets.Contains(e.Target));
        }

        if (Period.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (Period.To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }

        return events;
    }
}
