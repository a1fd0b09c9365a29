namespace IdentityAccess.Core.Sso.Domains;

/// <summary>
/// The <c>Sso:Dns</c> section: which resolvers "Verify" asks. Empty: the machine's own. Tests point it at a DNS
/// server on 127.0.0.1; a deployment behind split-horizon DNS may point it at a public resolver.
/// </summary>
public sealed class DnsOptions
{
    public const string SectionName = "Sso:Dns";

    /// <summary>"host" or "host:port" entries, e.g. "127.0.0.1:5353".</summary>
    public List<string> Servers { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 5;
}
