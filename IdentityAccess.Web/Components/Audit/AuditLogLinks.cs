using IdentityAccess.Core.Audit;
using IdentityAccess.Web.Components.Shared;

namespace IdentityAccess.Web.Components.Audit;

public static class AuditLogLinks
{
    /// <summary>The export of what the audit page shows, e.g. <c>/orgs/…/audit/log.csv?action=membership.&amp;from=…</c>.</summary>
    public static string ExportUrl(Guid organizationId, AuditQuery filter, string format)
    {
        var query = new List<string>();
        LogExportLinks.Add(query, "search", filter.Search);
        LogExportLinks.Add(query, "action", filter.Action);
        LogExportLinks.Add(query, "actor", filter.Actor);
        LogExportLinks.Add(query, "person", filter.Person);
        if (filter.Scope != AuditScope.All)
        {
            query.Add("scope=" + filter.Scope.ToString().ToLowerInvariant());
        }

        LogExportLinks.AddPeriod(query, filter.Period);
        return LogExportLinks.Url($"/orgs/{organizationId}/audit/log.{format}", query);
    }
}
