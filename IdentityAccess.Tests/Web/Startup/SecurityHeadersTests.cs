using System.Net;
using System.Text.RegularExpressions;
using IdentityAccess.Web.Startup;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityAccess.Tests.Web.Startup;

/// <summary>
/// The headers every response carries; the browser test (SecurityHeadersBrowserTests) shows the pages work under them.
/// One app per environment for the class (<see cref="SecurityHeadersApps"/>).
/// </summary>
public sealed class SecurityHeadersTests(SecurityHeadersApps apps) : IClassFixture<SecurityHeadersApps>
{
    [Fact]
    public async Task Production_OverHttps_SendsHstsNosniffReferrerPolicyAndOneFullPolicyWithAFreshNonce()
    {
        var app = apps.Production;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.test"), AllowAutoRedirect = false });

        var first = await client.GetAsync("/sign-in");
        var second = await client.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("max-age=15552000", Single(first, "Strict-Transport-Security"));
        Assert.Equal("nosniff", Single(first, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(first, "Referrer-Policy"));
        var policy = Single(first, "Content-Security-Policy"); // one policy: Blazor's own frame-ancestors is not appended beside it
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy(nonce), policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.NotEqual(policy, Single(second, "Content-Security-Policy"));
        var importMap = Regex.Match(await first.Content.ReadAsStringAsync(), "<script[^>]*importmap[^>]*>").Value;
        Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(importMap), StringComparison.Ordinal); // "+" may be written &#x2B;
    }

    [Theory]
    [InlineData("/api/me")] // a 401 problem
    [InlineData("/no-such-page")] // the 404 page, re-executed after the headers were cleared
    public async Task Production_EveryKindOfResponse_CarriesThePolicy(string path)
    {
        var app = apps.Production;

        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.StartsWith("default-src 'self'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Production_OverPlainHttp_SendsNoHsts()
    {
        var app = apps.Production;

        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example.test") }).GetAsync("/sign-in");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Development_KeepsBlazorsFrameAncestorsAndTheSimpleHeaders_NoPolicyOrHsts()
    {
        var app = apps.Development;

        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/sign-in");

        Assert.Equal("frame-ancestors 'self'", Single(response, "Content-Security-Policy")); // today's protection, Blazor's own
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values
            : response.Content.Headers.TryGetValues(header, out var contentValues) ? contentValues : []);
}
