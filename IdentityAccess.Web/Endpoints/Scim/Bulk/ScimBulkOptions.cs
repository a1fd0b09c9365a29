using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Web.Endpoints.Scim.Bulk;

/// <summary>
/// The <c>Scim:Bulk</c> section: the limits of /Bulk (RFC 7644 §3.7), enforced (413) and advertised in
/// /ServiceProviderConfig. 1,000 operations of Entra-shaped users are about 700 KB, within the default payload.
/// </summary>
public sealed class ScimBulkOptions
{
    public const string SectionName = "Scim:Bulk";

    [Range(1, 100_000)]
    public int MaxOperations { get; set; } = 1_000;

    /// <summary>The largest request body, in bytes (1 MiB by default).</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxPayloadSize { get; set; } = 1024 * 1024;
}
