using System.Globalization;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Export;

/// <summary>
/// The logs' filters read from a query string, for the portal's exports and the management API alike: the same
/// names, the same meaning, and a bad value refused as the Core error naming its field (each caller answers it in its
/// own shape), never a 500.
/// </summary>
internal static class LogFilters
{
    /// <summary><c>search</c>, <c>action</c>, <c>actor</c>, <c>person</c>, <c>scope</c> = all|organization|parent, <c>from</c>, <c>to</c>.</summary>
    public static (AuditQuery? Filter, InvalidInputError? Invalid) ReadAudit(IQueryCollection query)
    {
        var (period, invalidPeriod) = LogPeriod.Parse(query["from"], query["to"]);
        if (invalidPeriod is not null)
        {
            return (null, invalidPeriod);
        }

        var (scope, invalidScope) = ReadChoice<AuditScope>("scope", query["scope"]);
        return invalidScope is not null
            ? (null, invalidScope)
            : (new AuditQuery(query["search"]) { Action = query["action"], Actor = query["actor"], Person = query["person"], Scope = scope ?? AuditScope.All, Period = period! }, null);
    }

    /// <summary><c>errorsOnly</c>, <c>status</c>, <c>channel</c> = scim|sso, <c>from</c>, <c>to</c>.</summary>
    public static (ProvisioningLogQuery? Filter, InvalidInputError? Invalid) ReadProvisioning(IQueryCollection query)
    {
        var (period, invalidPeriod) = LogPeriod.Parse(query["from"], query["to"]);
        if (invalidPeriod is not null)
        {
            return (null, invalidPeriod);
        }

        var (channel, invalidChannel) = ReadChoice<ProvisioningLogChannel>("channel", query["channel"]);
        if (invalidChannel is not null)
        {
            return (null, invalidChannel);
        }

        var errorsOnly = false;
        if (!string.IsNullOrWhiteSpace(query["errorsOnly"]) && !bool.TryParse(query["errorsOnly"], out errorsOnly))
        {
            return (null, new ValidationFailed("errorsOnly", ValidationRule.FilterNotBoolean, "errorsOnly"));
        }

        int? status = null;
        if (!string.IsNullOrWhiteSpace(query["status"]))
        {
            if (!int.TryParse(query["status"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 599)
            {
                return (null, new ValidationFailed("status", ValidationRule.FilterNotStatusCode, "status"));
            }

            status = code;
        }

        return (new ProvisioningLogQuery(errorsOnly, status) { Channel = channel, Period = period! }, null);
    }

    /// <summary>A value that must be one of a closed set (a channel, a scope), or absent.</summary>
    private static (TEnum? Value, InvalidInputError? Invalid) ReadChoice<TEnum>(string field, string? text) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        // Names only: Enum.TryParse would also take numbers and comma-joined lists.
        if (text.Trim().All(char.IsAsciiLetter) && Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value))
        {
            return (value, null);
        }

        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        return (null, new ValidationFailed(field, ValidationRule.FilterNotOneOf, field, allowed));
    }
}
