using System.Net;
using DnsClient;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Sso.Domains;

/// <summary>Reads a domain's TXT records through DnsClient, uncached, so "Verify" sees a record as soon as it is published.</summary>
public sealed class TxtRecordLookup(IOptions<DnsOptions> options)
{
    private readonly LookupClient _client = Create(options.Value);

    /// <summary>The TXT strings at the name, or an error in words (no such domain, no answer, timeout).</summary>
    public async Task<(IReadOnlyList<string> Records, string? Problem)> LookupAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(domain, QueryType.TXT, QueryClass.IN, cancellationToken);
            if (response.HasError)
            {
                return ([], response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
                    ? $"The domain {domain} does not exist in DNS."
                    : $"DNS answered with an error: {response.ErrorMessage}.");
            }

            return ([.. response.Answers.TxtRecords().Select(r => string.Concat(r.Text))], null);
        }
        catch (DnsResponseException e)
        {
            return ([], $"DNS did not answer: {e.Message}");
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

    private static IPEndPoint Parse(string server)
    {
        var separator = server.LastIndexOf(':');
        return separator > 0 && !server.EndsWith(']') && server.Count(c => c == ':') == 1
            ? new IPEndPoint(IPAddress.Parse(server[..separator]), int.Parse(server[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            : new IPEndPoint(IPAddress.Parse(server.Trim('[', ']')), 53);
    }
}
