using System.Net;
using System.Net.Http.Headers;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Query;

/// <summary>
/// RFC 7644 §3.14 versions: meta.version and the ETag header (W/"n", a counter raised by each write), If-None-Match
/// on GET (304), If-Match on PUT/PATCH/DELETE (412 naming the current version, nothing changed; * for any), checked
/// in the write, so of two concurrent writes naming one version exactly one wins. On SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// The class shares one app; each test writes its own Zed in a directory of its own (<see cref="OwnScimDirectory"/>),
/// the addresses written for acme.test and moved to its domain by <c>Here</c>.
/// </remarks>
public abstract class ScimVersionTests(PortalFixture portal) : IAsyncLifetime
{
    private AcmeScimDirectory _acme = default!;
    private Guid _zed;

    public async Task InitializeAsync()
    {
        _acme = await OwnScimDirectory.StartAsync(portal);
        var created = await _acme.PostAsync(Here("""{"userName":"zed@acme.test","displayName":"Zed"}"""));
        Assert.Equal("W/\"1\"", created.Headers.ETag!.ToString());
        _zed = Guid.Parse((await BodyAsync(created))["id"]!.GetValue<string>());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Here(string text) => _acme.Here(text);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? json = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = json is null ? null : AcmeScimDirectory.Scim(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return _acme.Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> RenameAsync(string name, string? ifMatch) =>
        SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{_zed}", $$"""{"Operations":[{"op":"replace","path":"displayName","value":"{{name}}"}]}""", ifMatch);

    private async Task<string> DisplayNameAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return (await db.DirectoryUsers.SingleAsync(u => u.Id == _zed)).DisplayName!;
    }

    [Fact]
    public async Task Get_IfNoneMatchCurrentVersion_304_ElseTheUserWithItsETag()
    {
        var same = await SendAsync(HttpMethod.Get, $"/scim/v2/Users/{_zed}", ifNoneMatch: "W/\"1\"");
        var other = await SendAsync(HttpMethod.Get, $"/scim/v2/Users/{_zed}", ifNoneMatch: "W/\"7\"");

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("W/\"1\"", other.Headers.ETag!.ToString());
        Assert.Equal("W/\"1\"", (await BodyAsync(other))["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_IfMatchCurrent_AppliesAndRaisesTheVersion_StaleOne412NamingTheCurrentAndNothingChanged()
    {
        var first = await RenameAsync("Zed Two", "W/\"1\"");
        var stale = await RenameAsync("Zed Stale", "W/\"1\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("W/\"2\"", first.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var error = await BodyAsync(stale);
        Assert.Contains("W/\"2\"", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(error["scimType"]);
        Assert.Equal("Zed Two", await DisplayNameAsync());
    }

    [Fact]
    public async Task PutAndDelete_StaleIfMatch412AndKept_StarOrCurrentApplies()
    {
        var put = await SendAsync(HttpMethod.Put, $"/scim/v2/Users/{_zed}", Here("""{"userName":"zed@acme.test","displayName":"Zed Put"}"""), "*");
        var staleDelete = await SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{_zed}", ifMatch: "W/\"1\"");
        var delete = await SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{_zed}", ifMatch: "\"2\""); // a strong tag names the same version

        Assert.Equal((HttpStatusCode.OK, "W/\"2\""), (put.StatusCode, put.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{_zed}", """{"Operations":[{"op":"replace","path":"title","value":"x"}]}""", "*")).StatusCode);
    }

    [Fact]
    public async Task ConcurrentPatches_NamingTheSameVersion_ExactlyOneWins_TheOther412()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => RenameAsync($"Racer {i}", "W/\"1\"")));

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        Assert.Equal((await BodyAsync(winner))["displayName"]!.GetValue<string>(), await DisplayNameAsync());
    }

    [Fact]
    public async Task Group_MemberPatchRaisesTheVersion_StaleIfMatch412AndNoMemberAdded()
    {
        var created = await _acme.Client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim("""{"displayName":"Versioned"}"""));
        var group = (await BodyAsync(created))["id"]!.GetValue<string>();
        var add = $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{_zed}}"}]}]}""";

        var added = await SendAsync(HttpMethod.Patch, $"/scim/v2/Groups/{group}", add, "W/\"1\"");
        var stale = await SendAsync(HttpMethod.Patch, $"/scim/v2/Groups/{group}", """{"Operations":[{"op":"remove","path":"members"}]}""", "W/\"1\"");
        var read = await SendAsync(HttpMethod.Get, $"/scim/v2/Groups/{group}");

        Assert.Equal("W/\"1\"", created.Headers.ETag!.ToString());
        Assert.Equal((HttpStatusCode.NoContent, "W/\"2\""), (added.StatusCode, added.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("W/\"2\"", read.Headers.ETag!.ToString());
        Assert.Single((await BodyAsync(read))["members"]!.AsArray()); // the stale remove removed nobody
    }

    [Fact]
    public async Task Services_IfMatchAsNamedArgument_AsBulkPassesAnOperationsVersion()
    {
        var users = portal.Factory.Services.GetRequiredService<ScimUserService>();

        var refused = await Assert.ThrowsAsync<ScimException>(() =>
            users.ReplaceAsync(_acme.ParentId, _zed, new() { ["userName"] = Here("zed@acme.test") }, "http://test/scim/v2", ifMatch: "W/\"9\""));
        await users.DeleteAsync(_acme.ParentId, _zed, ifMatch: "W/\"1\"");

        Assert.Equal(412, refused.Status);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.DirectoryUsers.AnyAsync(u => u.Id == _zed));
    }

    [Fact]
    public async Task WriteResponses_HonourAttributesAndExcludedAttributes()
    {
        var patched = await BodyAsync(await _acme.Client.PatchAsync($"/scim/v2/Users/{_zed}?attributes=displayName",
            AcmeScimDirectory.Scim("""{"Operations":[{"op":"replace","path":"title","value":"Boss"}]}""")));
        var posted = await BodyAsync(await _acme.Client.PostAsync("/scim/v2/Users?excludedAttributes=emails,displayName",
            AcmeScimDirectory.Scim(Here("""{"userName":"yan@acme.test","displayName":"Yan","emails":[{"type":"work","value":"yan@acme.test"}]}"""))));

        Assert.Equal(["displayName", "id", "meta", "schemas"], patched.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Null(posted["emails"]);
        Assert.Null(posted["displayName"]);
        Assert.NotNull(posted["id"]);
    }
}

public sealed class SqliteScimVersionTests(SqlitePortalFixture portal) : ScimVersionTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresScimVersionTests(PostgresPortalFixture portal) : ScimVersionTests(portal), IClassFixture<PostgresPortalFixture>;
