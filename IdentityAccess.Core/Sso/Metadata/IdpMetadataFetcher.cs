using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>What one fetch of an IdP's metadata URL gave.</summary>
public sealed record MetadataFetchOutcome(
    bool NotModified, string? Xml, IdpMetadata? Metadata, string? ETag, DateTimeOffset? LastModified, Error? Error)
{
    public static MetadataFetchOutcome Unchanged { get; } = new(true, null, null, null, null, null);

    public static MetadataFetchOutcome Failed(Error error) => new(false, null, null, null, null, error);
}

/// <summary>
/// Fetches IdP metadata from its URL and parses it with the same strict <see cref="IdpMetadataReader"/> as a paste.
/// Conditional (ETag / If-Modified-Since) so a scheduled refresh costs the IdP a 304; bounded in time and size so a
/// slow or huge answer cannot tie up the refresher; redirects are not followed, so the admin's URL is the one trusted.
/// </summary>
public sealed class IdpMetadataFetcher(IHttpClientFactory clients)
{
    public const string ClientName = "IdpMetadata";
    public const int MaxBytes = 1_000_000;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public async Task<MetadataFetchOutcome> FetchAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/samlmetadata+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }
        else if (lastModified is { } since)
        {
            request.Headers.IfModifiedSince = since;
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return await ReadAsync(response, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            // The guard's refusal says why; other failures say only their kind (never a private network's detail).
            return MetadataFetchOutcome.Failed(new MetadataFetchFailed(exception.InnerException is MetadataAddressRefusedException refused
                ? refused.Message
                : $"the server could not be reached ({exception.HttpRequestError})"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MetadataFetchOutcome.Failed(new MetadataFetchFailed($"the server did not answer within {Timeout.TotalSeconds:0} seconds"));
        }
    }

    private static async Task<MetadataFetchOutcome> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return MetadataFetchOutcome.Unchanged;
        }

        if (!response.IsSuccessStatusCode)
        {
            var detail = (int)response.StatusCode is >= 300 and < 400
                ? $"it redirects (HTTP {(int)response.StatusCode}); enter the final URL instead"
                : $"the server answered HTTP {(int)response.StatusCode}";
            return MetadataFetchOutcome.Failed(new MetadataFetchFailed(detail));
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            return MetadataFetchOutcome.Failed(TooLarge());
        }

        var bytes = await ReadBoundedAsync(response.Content, cancellationToken);
        if (bytes is null)
        {
            return MetadataFetchOutcome.Failed(TooLarge());
        }

        var xml = Encoding.UTF8.GetString(bytes);
        var (metadata, error) = IdpMetadataReader.Read(xml);
        if (error is not null)
        {
            return MetadataFetchOutcome.Failed(error);
        }

        return new(false, xml, metadata, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, null);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/> (a missing Content-Length is not trusted).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static MetadataFetchFailed TooLarge() => new($"the document is larger than {MaxBytes / 1_000_000} MB");
}

public static class IdpMetadataFetcherRegistration
{
    /// <summary>
    /// The named client: short timeout, no redirects, no cookies, connections only to addresses the
    /// <see cref="MetadataAddressGuard"/> allows; and the fetcher that uses it.
    /// </summary>
    public static IServiceCollection AddIdpMetadataFetcher(this IServiceCollection services)
    {
        services.AddOptions<SamlMetadataRefreshOptions>().BindConfiguration(SamlMetadataRefreshOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<MetadataAddressGuard>();
        services.AddHttpClient(IdpMetadataFetcher.ClientName, client => client.Timeout = IdpMetadataFetcher.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false, // a proxy would connect on our behalf, past the guard
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ConnectCallback = sp.GetRequiredService<MetadataAddressGuard>().ConnectAsync,
            });
        services.AddSingleton<IdpMetadataFetcher>();
        return services;
    }
}
