using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// One browser over HTTP: keeps the cookies the app sets (by name; an expired one is dropped, whatever its path) and
/// sends them all back, follows no redirect. Starts with the cookies given, such as a session from
/// <see cref="SessionCookies"/>.
/// </summary>
public sealed class CookieJarClient(WebApplicationFactory<Program> factory, params (string Name, string Value)[] cookies)
{
    private readonly Dictionary<string, string> _cookies = cookies.ToDictionary(c => c.Name, c => c.Value);
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = FormPost.Fields(fields) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var end = header.IndexOf(';', StringComparison.Ordinal);
            var pair = end < 0 ? header : header[..end];
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }

        return response;
    }
}
