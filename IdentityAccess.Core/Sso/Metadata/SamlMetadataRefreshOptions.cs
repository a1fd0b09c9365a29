using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>The <c>Sso:MetadataRefresh</c> section: how often metadata imported from a URL is fetched again.</summary>
public sealed class SamlMetadataRefreshOptions
{
    public const string SectionName = "Sso:MetadataRefresh";

    public bool Enabled { get; set; } = true;

    /// <summary>How long after a fetch the next one is due. IdPs publish the next key days before using it.</summary>
    [Range(1, 7 * 24)]
    public int IntervalHours { get; set; } = 24;

    /// <summary>How often the refresher looks for what is due; also the soonest a failed fetch is tried again.</summary>
    [Range(1, 24 * 60)]
    public int PollMinutes { get; set; } = 5;

    /// <summary>
    /// Off: metadata is fetched only from public addresses (see <see cref="MetadataAddressGuard"/>). On for an IdP on
    /// the operator's private network, and in Development, where the demo IdP runs on this machine.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
