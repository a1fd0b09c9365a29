using System.Globalization;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>Provisioning-log summaries of reads, e.g. Entra's matching lookups: "No user matched the filter".</summary>
internal static class ScimReadNotes
{
    public static void Listed(string noun, ScimFilter? filter, int returned, int total) => ProvisioningLogScope.Current?.Note(
        filter is not null
            ? total == 0 ? $"No {noun} matched the filter" : $"{N(total)} {Plural(noun, total)} matched the filter"
            : $"Listed {N(returned)} of {N(total)} {Plural(noun, total)}");

    public static void Read(string noun, string? name) => ProvisioningLogScope.Current?.Note(noun == "group" ? $"Read group '{name}'" : $"Read {noun} {name}");

    private static string Plural(string noun, int count) => count == 1 ? noun : noun + "s";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
