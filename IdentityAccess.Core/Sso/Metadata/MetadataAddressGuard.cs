using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>
/// Keeps the metadata fetch away from the portal's own network. A parent admin chooses the URL and the server fetches
/// it, so without this guard a customer could make the portal read its loopback, private network or the cloud's
/// instance metadata (169.254.169.254) and learn from the answer or the error. The check runs when the connection is
/// made, on the address actually connected to, so a name that resolves to a public address when checked and to a
/// private one when used (DNS rebinding) gains nothing. Operators whose IdP lives on a private network (an internal
/// ADFS) allow private addresses in configuration.
/// </summary>
public sealed class MetadataAddressGuard(IOptionsMonitor<SamlMetadataRefreshOptions> options)
{
    /// <summary>The SocketsHttpHandler connect step: resolves, refuses disallowed addresses, connects to the first allowed one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(Allows).ToList();
        if (allowed.Count == 0)
        {
            throw new MetadataAddressRefusedException(endpoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public bool Allows(IPAddress address) => options.CurrentValue.AllowPrivateAddresses || IsPublic(address);

    /// <summary>False for every range that is not the public internet (RFC 6890 special-purpose registries, in short).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xFE) == 0xFC // fc00::/7 unique local
                || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8) // 2001:db8::/32 documentation
                || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B)); // 64:ff9b::/96 NAT64 could reach private v4
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => false, // "this network", private, loopback
            100 => b[1] is < 64 or > 127, // 100.64.0.0/10 carrier-grade NAT
            169 => b[1] != 254, // link-local, cloud instance metadata
            172 => b[1] is < 16 or > 31, // 172.16.0.0/12
            192 => !(b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2)), // 192.168/16, 192.0.0/24, 192.0.2/24
            198 => !(b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100)), // benchmarking, documentation
            203 => !(b[1] == 0 && b[2] == 113), // documentation
            >= 224 => false, // multicast and reserved
            _ => true,
        };
    }
}
