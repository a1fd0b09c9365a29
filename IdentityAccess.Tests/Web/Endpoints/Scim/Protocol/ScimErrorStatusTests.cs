using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Protocol;

/// <summary>
/// Every error status under /scim/v2 answers application/scim+json in the SCIM error schema (RFC 7644 §3.12), on a real
/// Kestrel. 412 comes from the version checks (their own tests); 429 from <c>ScimRateLimitTests</c>; 500 from
/// <see cref="ScimServerErrorTests"/>.
/// </summary>
public sealed class ScimErrorStatusTests(ScimKestrelPortal portal) : IClassFixture<ScimKestrelPortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.StartAcmeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Body(string json, string? contentType = "application/scim+json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string NewUser() => $$"""{"userName":"u{{Guid.NewGuid():N}}@acme.test","active":true}""";

    /// <summary>The SCIM error body of the response, after checking its status and content type.</summary>
    private static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(ScimSchemas.Error, body["schemas"]![0]!.GetValue<string>());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body["status"]!.GetValue<string>());
        Assert.Equal(scimType, body["scimType"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["detail"]?.GetValue<string>()));
        return body;
    }

    [Fact]
    public async Task BadJson_400InvalidSyntax() =>
        await ErrorAsync(await portal.Acme.PostAsync("/scim/v2/Users", Body("{not json")), HttpStatusCode.BadRequest, "invalidSyntax");

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ia_scim_wrong")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task NoValidToken_401WithBearerChallenge(string? authorization)
    {
        var response = await portal.Anonymous(authorization).GetAsync("/scim/v2/Users");

        await ErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("/scim/v2/Nope")]
    [InlineData("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Nope")] // a dot in the last segment: once the portal's HTML 404
    [InlineData("/scim/v2/ResourceTypes/Nope")]
    [InlineData("/scim/v2/Users/00919288221112222")] // Okta's SPEC test
    [InlineData("/scim/v2/Groups/9a3e1c2d-0000-4000-8000-000000000000")]
    [InlineData("/scim/v2/Users/a.b")]
    public async Task UnknownPathOrId_404ScimError(string path) =>
        await ErrorAsync(await portal.Acme.GetAsync(path), HttpStatusCode.NotFound);

    [Theory]
    [InlineData("DELETE", "/scim/v2/Users", "GET, HEAD, POST")]
    [InlineData("POST", "/scim/v2/Groups/9a3e1c2d-0000-4000-8000-000000000000", "DELETE, GET, HEAD, PATCH, PUT")]
    [InlineData("GET", "/scim/v2/Bulk", "POST")]
    [InlineData("PUT", "/scim/v2/ServiceProviderConfig", "GET, HEAD")]
    public async Task WrongMethodOnAKnownPath_405WithAllow(string method, string path, string allowed)
    {
        var response = await portal.Acme.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Body("{}") });

        await ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.9")]
    [InlineData("application/json;q=0, application/xml")]
    public async Task AcceptExcludingJson_406(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        await ErrorAsync(await portal.Acme.SendAsync(request), HttpStatusCode.NotAcceptable);
    }

    [Theory]
    [InlineData("application/scim+json")]
    [InlineData("application/json")]
    [InlineData("application/scim+json; charset=utf-8")]
    [InlineData("text/html, */*;q=0.8")]
    [InlineData("application/*")]
    public async Task AcceptAllowingJson_Answered(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users?count=1");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await portal.Acme.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DuplicateUserName_409Uniqueness()
    {
        var userName = $"u{Guid.NewGuid():N}@acme.test";
        Assert.Equal(HttpStatusCode.Created, (await portal.Acme.PostAsync("/scim/v2/Users", Body($$"""{"userName":"{{userName}}"}"""))).StatusCode);

        var duplicate = await portal.Acme.PostAsync("/scim/v2/Users", Body($$"""{"userName":"{{userName.ToUpperInvariant()}}"}"""));

        await ErrorAsync(duplicate, HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task BodyOverTheLimit_413_NothingStored()
    {
        var before = await portal.DirectoryUserCountAsync();
        var huge = $$"""{"userName":"big@acme.test","displayName":"{{new string('x', 5 * 1024 * 1024)}}"}""";
        // As a client sending a large body does: headers first, the body only after 100 Continue (Kestrel refuses at once).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = Body(huge) };
        request.Headers.ExpectContinue = true;

        await ErrorAsync(await portal.Acme.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await portal.DirectoryUserCountAsync());
    }

    [Fact]
    public async Task BulkOverMaxPayloadSize_413_EvenWithoutContentLength()
    {
        var operations = string.Join(",", Enumerable.Range(0, 60).Select(i => $$"""{"method":"POST","path":"/Users","bulkId":"b{{i}}","data":{{NewUser()}}}"""));
        var json = $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{operations}}]}""";
        Assert.True(Encoding.UTF8.GetByteCount(json) > ScimKestrelPortal.BulkPayloadLimit);
        var before = await portal.DirectoryUserCountAsync();
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))); // no Content-Length: Kestrel stops it while reading
        chunked.Headers.ContentType = MediaTypeHeaderValue.Parse("application/scim+json");

        var sized = await ErrorAsync(await portal.Acme.PostAsync("/scim/v2/Bulk", Body(json)), HttpStatusCode.RequestEntityTooLarge);
        var streamed = await ErrorAsync(await portal.Acme.PostAsync("/scim/v2/Bulk", chunked), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("maxPayloadSize (4096 bytes)", sized["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("maxPayloadSize", streamed["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.DirectoryUserCountAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml; charset=utf-8")]
    public async Task NonJsonBody_415_NothingStored(string contentType)
    {
        var before = await portal.DirectoryUserCountAsync();

        await ErrorAsync(await portal.Acme.PostAsync("/scim/v2/Users", Body(NewUser(), contentType)), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await portal.DirectoryUserCountAsync());
    }

    [Theory]
    [InlineData("application/scim+json")]
    [InlineData("application/scim+json; charset=utf-8")] // Okta's SPEC test
    [InlineData("application/json")] // Okta's create step
    [InlineData("application/json; charset=UTF-8")]
    [InlineData(null)] // no Content-Type at all
    public async Task JsonBodyAsClientsSendIt_Created(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(NewUser()));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        var response = await portal.Acme.PostAsync("/scim/v2/Users", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
    }
}
