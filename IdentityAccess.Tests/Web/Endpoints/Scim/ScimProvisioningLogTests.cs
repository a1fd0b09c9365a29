using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Scim;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>One provisioning-log row per SCIM request, through the whole pipeline, on each database provider (Acme chat in SCIM mode).</summary>
public abstract partial class ScimProvisioningLogTests(PortalFixture portal) : IAsyncLifetime
{
    private HttpClient _client = default!;
    private GeneratedScimToken _token = default!;
    private Guid _acme;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        var saved = await portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>().SaveAsync(portal.Demo.AcmeChat,
            ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim }, portal.Demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            _acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        }

        (_token, _) = await Tokens.GenerateAsync(_acme, new AuditActor(null, "test")) is ({ } token, _) ? (token, (object?)null) : throw new InvalidOperationException();
        _client = ClientWith(_token.Secret);
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private ScimTokenService Tokens => portal.Factory.Services.GetRequiredService<ScimTokenService>();

    private HttpClient ClientWith(string secret)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private async Task<List<ProvisioningLogEntry>> LogAsync()
    {
        await portal.Factory.Services.FlushProvisioningLogAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ProvisioningLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<string> UserIdAsync(string userName) =>
        (await BodyAsync(await _client.GetAsync($"/scim/v2/Users?filter=userName eq \"{userName}\"")))["Resources"]![0]!["id"]!.GetValue<string>();

    private async Task<string> CreateGroupAsync(string name)
    {
        var created = await _client.PostAsync("/scim/v2/Groups", Scim($$"""{"displayName":"{{name}}","members":[]}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await BodyAsync(created))["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task EveryRequest_OneRow_WithStatusSummaryTokenAndCorrelationId()
    {
        var lookup = await _client.GetAsync("/scim/v2/Users?filter=userName+eq+%22zed%40acme.test%22");
        var created = await _client.PostAsync("/scim/v2/Users", Scim("""{"userName":"zed@acme.test","displayName":"Zed","active":true}"""));
        var id = (await BodyAsync(created))["id"]!.GetValue<string>();
        await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""{"Operations":[{"op":"Replace","path":"active","value":"False"}]}"""));
        await _client.DeleteAsync($"/scim/v2/Users/{id}");
        var missing = await _client.GetAsync($"/scim/v2/Users/{id}");

        var log = await LogAsync();

        Assert.Equal([200, 201, 200, 204, 404], log.Select(e => e.Status));
        Assert.Equal(["GET", "POST", "PATCH", "DELETE", "GET"], log.Select(e => e.Method));
        Assert.Equal("/scim/v2/Users?filter=userName eq \"zed@acme.test\"", log[0].Path);
        Assert.Equal("No user matched the filter", log[0].Summary);
        // StartsWith: the reconciler may append "; N membership changes".
        Assert.StartsWith("Created user zed@acme.test", log[1].Summary, StringComparison.Ordinal);
        Assert.StartsWith("Updated user zed@acme.test (deactivated)", log[2].Summary, StringComparison.Ordinal);
        Assert.StartsWith("Deleted user zed@acme.test", log[3].Summary, StringComparison.Ordinal);
        Assert.Null(log[4].Summary);
        Assert.Equal($"User {id} not found.", log[4].ErrorDetail);
        Assert.All(log, e => Assert.Equal((_acme, _token.Id, _token.Prefix), (e.ParentOrganizationId, e.TokenId, e.TokenPrefix)));
        Assert.Equal(lookup.Headers.GetValues(ScimLogMiddleware.CorrelationHeader).Single(), log[0].CorrelationId);
        Assert.Equal(missing.Headers.GetValues(ScimLogMiddleware.CorrelationHeader).Single(), log[4].CorrelationId);
        Assert.Equal(5, log.Select(e => e.CorrelationId).Distinct().Count());
    }

    [Fact]
    public async Task EveryRequest_ItsPhrasesStoredAsCodes_BesideTheEnglish()
    {
        await _client.GetAsync("/scim/v2/Users?filter=userName+eq+%22zed%40acme.test%22");
        var created = await _client.PostAsync("/scim/v2/Users", Scim("""{"userName":"zed@acme.test","displayName":"Zed","active":true}"""));
        var id = (await BodyAsync(created))["id"]!.GetValue<string>();
        await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""{"Operations":[{"op":"Replace","path":"active","value":"False"}]}"""));
        await _client.GetAsync($"/scim/v2/Users/{Guid.NewGuid()}");

        var log = await LogAsync();

        Assert.Equal([LogPhraseCode.NoUserMatched], ProvisioningLogCodes.ReadSummary(log[0].TextCodes)!.Select(p => p.Code));
        Assert.Equal(LogPhrase.Of(LogPhraseCode.UserCreated, "zed@acme.test"), ProvisioningLogCodes.ReadSummary(log[1].TextCodes)![0]);
        var updated = ProvisioningLogCodes.ReadSummary(log[2].TextCodes)![0];
        Assert.Equal((LogPhraseCode.UserUpdated, "zed@acme.test"), (updated.Code, updated.Values[0]));
        Assert.Equal([LogPhraseCode.Deactivated], updated.Details!.Select(p => p.Code));
        Assert.All(log.Take(3), row => Assert.Equal(row.Summary, ProvisioningLogEnglish.Summary(ProvisioningLogCodes.ReadSummary(row.TextCodes)!)));
        Assert.Null(log[3].TextCodes); // a failure says nothing changed
    }

    [Fact]
    public async Task ClientError_LoggedWithScimTypeAndDetail_NothingChanged()
    {
        var created = await _client.PostAsync("/scim/v2/Users", Scim("""{"userName":"zed@acme.test"}"""));
        var id = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var duplicate = await _client.PostAsync("/scim/v2/Users", Scim("""{"userName":"ZED@acme.test"}"""));

        var row = (await LogAsync())[^1];

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal((409, "uniqueness"), (row.Status, row.ErrorType));
        Assert.Equal($"A user with userName 'ZED@acme.test' already exists in this directory: id {id}.", row.ErrorDetail); // so the IdP can re-link
        Assert.Null(row.Summary); // the failed write's notes never committed
    }

    [Fact]
    public async Task Password_SentByTheClient_NeverReachesTheLog()
    {
        const string Secret = "Sup3r-secret!";
        var created = await _client.PostAsync("/scim/v2/Users", new StringContent($$"""
            {"userName":"olivia@acme.test","name":{"givenName":"Olivia","familyName":"Okta"},"password":"{{Secret}}","active":true}
            """, Encoding.UTF8, "application/json"));
        var id = (await BodyAsync(created))["id"]!.GetValue<string>();
        await _client.PatchAsync($"/scim/v2/Users/{id}", Scim($$"""{"Operations":[{"op":"replace","path":"password","value":"{{Secret}}2"}]}"""));
        await _client.PutAsync($"/scim/v2/Users/{id}", Scim($$"""{"userName":"olivia@acme.test","password":"{{Secret}}3","active":true}"""));
        var filtered = await _client.GetAsync($"/scim/v2/Users?filter=password eq \"{Secret}\"");
        await _client.GetAsync($"/scim/v2/Users?password={Uri.EscapeDataString(Secret)}");
        await _client.PostAsync("/scim/v2/Users", Scim($$"""{"userName":"x@acme.test","password":"{{Secret}}","active":"sometimes"}""")); // a 400

        var log = await LogAsync();

        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        Assert.Equal(6, log.Count);
        var everything = string.Join("\n", log.Select(e => string.Join("|", e.Path, e.Summary, e.ErrorType, e.ErrorDetail, e.TokenPrefix, e.CorrelationId)));
        Assert.DoesNotContain("Sup3r", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("password", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_token.Secret, everything, StringComparison.Ordinal);
        Assert.Equal(ProvisioningLogRedaction.WithheldDetail, log[3].ErrorDetail);
    }

    [Fact]
    public async Task UnknownToken_NotLogged_RevokedToken_LoggedAs401AgainstItsDirectory()
    {
        var (second, _) = await Tokens.GenerateAsync(_acme, new AuditActor(null, "test"));
        Assert.Null(await Tokens.RevokeAsync(_acme, second!.Id, new AuditActor(null, "test")));

        var unknown = await ClientWith("ia_scim_not-a-token").GetAsync("/scim/v2/Users");
        var revoked = await ClientWith(second.Secret).GetAsync("/scim/v2/Users");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("revoked", (await BodyAsync(revoked))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var row = Assert.Single(await LogAsync());
        Assert.Equal((401, second.Id, _acme), (row.Status, row.TokenId, row.ParentOrganizationId));
    }

    [Fact]
    public async Task ClientGoneBeforeTheAnswer_Logged499_InEnglishForTheExport_WithItsCodeForThePage()
    {
        var services = portal.Factory.Services;
        using var aborted = new CancellationTokenSource();
        var http = new DefaultHttpContext { RequestServices = services, RequestAborted = aborted.Token };
        (http.Request.Method, http.Request.Path) = ("GET", "/scim/v2/Users");
        var middleware = new ScimLogMiddleware(context =>
        {
            context.Items[ScimRequest.CallerKey] = new ScimCaller(_acme, _token.Id, _token.Prefix, true, "Acme Corporation", default);
            aborted.Cancel(); // the IdP hung up while the request was being answered
            return Task.CompletedTask;
        }, services.GetRequiredService<ScimRequestLog>());

        await middleware.InvokeAsync(http);

        var row = Assert.Single(await LogAsync());
        Assert.Equal((ScimLogMiddleware.ClientClosedRequest, "The client closed the connection before the response."), (row.Status, row.ErrorDetail));
        Assert.Equal(LogPhrase.Of(LogPhraseCode.ClientClosedConnection), ProvisioningLogCodes.ReadError(row.TextCodes));
    }

    [Fact]
    public async Task LogWriteFails_TheScimAnswerStands()
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ProvisioningLog\"");
        }

        var created = await _client.PostAsync("/scim/v2/Users", Scim("""{"userName":"zed@acme.test"}"""));
        var listed = await _client.GetAsync("/scim/v2/Users");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Status_ForTheOwner_CountsTheLastDayPerToken_OthersGetNothing()
    {
        var reader = portal.Factory.Services.GetRequiredService<ProvisioningLogReader>();
        await _client.GetAsync("/scim/v2/Users");
        await _client.GetAsync($"/scim/v2/Users/{Guid.NewGuid()}");
        await _client.GetAsync("/scim/v2/Groups");
        await portal.Factory.Services.FlushProvisioningLogAsync();

        var status = await reader.GetStatusAsync(portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test"));

        var token = Assert.Single(status!.Tokens);
        Assert.Equal((_token.Id, 3, 1), (token.TokenId, token.RequestsLastDay, token.ErrorsLastDay));
        Assert.Equal(404, token.LastError!.Status);
        Assert.NotNull(token.LastRequestAt);
        Assert.False(token.IsQuiet(status.Now));
        Assert.Null(await reader.GetStatusAsync(portal.Demo.AcmeChat, portal.Demo.Person("carol@acme.test")));
        Assert.Null(await reader.GetStatusAsync(portal.Demo.AcmeChat, portal.Demo.Person("grace@globex.test")));
    }
}

public sealed class SqliteScimProvisioningLogTests() : ScimProvisioningLogTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimProvisioningLogTests() : ScimProvisioningLogTests(new PostgresPortalFixture());
