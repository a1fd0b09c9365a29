using System.Net;
using DnsClient;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Sso.Domains;

/// <summary>Reads a domain's TXT records through DnsClient, uncached, so "Verify" sees a record as soon as it is published.</summary>
public sealed class TxtRecordLookup(IOptions<DnsOptions> options)
{
    private readonly LookupClient _client = Create(options.Value);

    /// <summary>The TXT strings at the name, or what went wrong (no such domain, an error, no answer or a timeout).</summary>
    public async Task<(IReadOnlyList<string> Records, DomainCheckResult? Problem)> LookupAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(domain, QueryType.TXT, QueryClass.IN, cancellationToken);
            if (response.HasError)
            {
                return ([], response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
                    ? DomainCheckResult.Of(DomainCheckCode.DomainDoesNotExist, domain)
                    : DomainCheckResult.Of(DomainCheckCode.DnsError, response.ErrorMessage));
            }

            return ([.. response.Answers.TxtRecords().Select(r => string.Concat(r.Text))], null);
        }
        catch (DnsResponseException e)
        {
            return ([], DomainCheckResult.Of(DomainCheckCode.DnsNoAnswer, e.Message));
        }
    }

    private static LookupClient Create(DnsOptions settings)
    {
        var servers = settings.Servers.Select(Parse).ToArray();
        var lookup = servers.Length > 0 ? new LookupClientOptions(servers) : new LookupClientOptions();
        lookup.UseCache = false;
        lookup.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        lookup.Retries = 1;
        lookup.ThrowDnsErrors = false;
        return new LookupClient(lookup);
    }

    // "127.0.0.1:5353", "[::1]:53" or a bare address (port 53).
    private static IPEndPoint Parse(string server)
    {
        var endpoint = IPEndPoint.Parse(server);
        return endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint;
    }
}
