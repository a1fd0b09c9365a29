using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IdentityAccess.Core.Telemetry;

/// <summary>
/// The product's own traces and metrics, under one name ("IdentityAccess") that the OpenTelemetry set-up listens to.
/// Nothing here exports anything: with no listener a span is not created and a measurement costs a branch. Attributes
/// carry ids and kinds, never an email address or a name (operators' telemetry back-ends are not where people's data
/// belongs).
/// </summary>
public static class IdentityAccessTelemetry
{
    public const string Name = "IdentityAccess";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>SAML sign-ins at the ACS, by outcome ("signed_in", or the refusal's reason).</summary>
    public static readonly Counter<long> SignIns =
        Meter.CreateCounter<long>("identityaccess.sso.sign_ins", "{sign_in}", "SAML sign-ins at the assertion consumer service, by outcome.");

    /// <summary>What the rule engine decided for people, by kind (provision, deprovision, promote...), per applied plan.</summary>
    public static readonly Counter<long> ProvisioningDecisions =
        Meter.CreateCounter<long>("identityaccess.provisioning.decisions", "{change}", "Membership changes decided by the rule engine and applied, by kind.");

    /// <summary>How long a full reconcile took: Sync now, or the scheduled one.</summary>
    public static readonly Histogram<double> ReconcileDuration =
        Meter.CreateHistogram<double>("identityaccess.reconcile.duration", "s", "Duration of a full reconcile (Sync now or scheduled).");

    /// <summary>How many membership changes a full reconcile made.</summary>
    public static readonly Histogram<long> ReconcileChanges =
        Meter.CreateHistogram<long>("identityaccess.reconcile.changes", "{change}", "Membership changes made by a full reconcile.");

    /// <summary>SCIM requests by resource, operation and status, and how long each took (its count is the request count).</summary>
    public static readonly Histogram<double> ScimRequestDuration =
        Meter.CreateHistogram<double>("identityaccess.scim.request.duration", "s", "SCIM requests by resource, operation and status, and their duration.");

    /// <summary>SCIM requests refused by the per-directory rate limit (429).</summary>
    public static readonly Counter<long> RateLimitRejections =
        Meter.CreateCounter<long>("identityaccess.scim.rate_limit.rejections", "{request}", "SCIM requests refused by the directory's rate limit.");

    /// <summary>Management API requests refused by a rate limit (429), by caller: "api_key" (its key's budget) or "no_valid_key" (its address's).</summary>
    public static readonly Counter<long> ApiRateLimitRejections =
        Meter.CreateCounter<long>("identityaccess.api.rate_limit.rejections", "{request}", "Management API requests refused by a rate limit, by caller kind.");

    /// <summary>A span named for a step of the product ("saml.acs", "provisioning.plan_apply"), or null when nobody listens.</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);

    /// <summary>
    /// A span for work done on behalf of several requests (a group-commit batch): a root of its own, linked to each
    /// request's span, so a trace viewer leads from a request to the batch that wrote it and back.
    /// </summary>
    public static Activity? StartLinked(string name, IEnumerable<ActivityContext> requests) =>
        Source.HasListeners()
            ? Source.StartActivity(name, ActivityKind.Internal, parentContext: default,
                links: [.. requests.Where(r => r != default).Select(r => new ActivityLink(r))])
            : null;

    /// <summary>Counts what one applied plan changed, by kind, when anyone listens (the grouping is skipped otherwise).</summary>
    public static void CountDecisions(IEnumerable<IEnumerable<Provisioning.Engine.ChangeKind>> changes)
    {
        if (!ProvisioningDecisions.Enabled)
        {
            return;
        }

        foreach (var group in changes.SelectMany(c => c).GroupBy(k => k))
        {
            ProvisioningDecisions.Add(group.Count(), new KeyValuePair<string, object?>("identityaccess.change.kind", Snake(group.Key.ToString())));
        }
    }

    /// <summary>Records a full reconcile's duration and size, tagged with what ran it.</summary>
    public static void RecordReconcile(string trigger, TimeSpan elapsed, int changes)
    {
        var tag = new KeyValuePair<string, object?>("identityaccess.reconcile.trigger", trigger);
        ReconcileDuration.Record(elapsed.TotalSeconds, tag);
        ReconcileChanges.Record(changes, tag);
    }

    /// <summary>"TierChange" → "tier_change": the attribute values follow OpenTelemetry's lower snake case.</summary>
    public static string Snake(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
