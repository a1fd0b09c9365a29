using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Fuzz;

/// <summary>
/// 5,000 generated malformed requests (seeded, so every run sends the same ones) over real HTTP to the app on Kestrel at
/// 127.0.0.1 on a SQLite file, across every route of <see cref="ScimFuzzRoutes"/> and every method, from Acme's directory
/// token aimed at Acme's and Globex's ids. For each answer: no 5xx; every 4xx a SCIM error (application/scim+json, the
/// error schema, status as a string); and after every refused write the directory's tables exactly as before.
/// </summary>
public sealed class ScimFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 5_000;
    private const int Seed = 17_2026;
    private static readonly JsonSerializerOptions _fingerprintJson = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    private readonly SqliteFileTestDatabase _database = new();
    private IdentityAccessWebFactory _factory = default!;
    private HttpClient _http = default!;
    private string _bearer = "";
    private ScimFuzzTargets _targets = default!;
    private IdentityAccessDbContext? _fingerprintDb;

    public async Task InitializeAsync()
    {
        // The fuzzer is one runaway client: the rate limit is another part's test, not in the way here.
        _factory = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false, settings: new Dictionary<string, string?>
        {
            ["Scim:RateLimit:TokenLimit"] = "1000000",
            ["Scim:RateLimit:TokensPerPeriod"] = "1000000",
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _http = new HttpClient { BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        _targets = await SeedTargetsAsync();
    }

    public async Task DisposeAsync()
    {
        if (_fingerprintDb is not null)
        {
            await _fingerprintDb.DisposeAsync();
        }

        _http.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task FiveThousandMalformedRequests_NoServerError_ScimErrorBodies_NothingChangedByARefusal()
    {
        var generator = new ScimFuzzGenerator(Seed, _targets);
        var byStatus = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var refusedByKestrel = 0;
        var changedByAcceptedWrites = 0;
        var fingerprint = await FingerprintAsync();
        for (var i = 0; i < Requests; i++)
        {
            var request = generator.Next(_bearer);
            using var response = await SendAsync(request);
            var status = (int)response.StatusCode;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            var problem = status >= 500 ? "server error" : status >= 400 ? await ScimErrorProblemAsync(response, status) : null;
            if (IsRefusedByKestrel(request, response))
            {
                // An encoded NUL in the path is refused by Kestrel's request-line parser, before any middleware runs, with a
                // bare 400: no application code can give it a SCIM body. It must still be a 400 that changes nothing.
                refusedByKestrel++;
                problem = null;
            }

            if (request.Writes)
            {
                var after = await FingerprintAsync();
                if (status >= 400 && after != fingerprint)
                {
                    problem = (problem is null ? "" : problem + "; ") + "a refused request changed the directory";
                }
                else if (after != fingerprint)
                {
                    changedByAcceptedWrites++;
                }

                fingerprint = after;
            }

            if (problem is not null)
            {
                failures.Add($"#{i} {status} {problem}: {request}");
            }
        }

        output.WriteLine($"SCIM fuzz (seed {Seed}): {Requests} requests sent over {ScimFuzzRoutes.All.Count} routes x {ScimFuzzRoutes.Methods.Count} methods; " +
            $"5xx seen: {byStatus.Where(s => s.Key >= 500).Sum(s => s.Value)}; refused by Kestrel before the application (encoded NUL in the path): " +
            $"{refusedByKestrel}; accepted writes that changed the directory: {changedByAcceptedWrites}; failures: {failures.Count}");
        output.WriteLine("By status: " + string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value}")));
        foreach (var failure in failures.Take(25))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests} requests broke a rule; first: {failures.FirstOrDefault()}");
        // The fingerprint reads through a connection kept open: it must see other connections' commits, or "nothing
        // changed" would hold for any refusal. The seeded run's accepted writes (a 201 among them) show that it does.
        Assert.True(changedByAcceptedWrites > 0, "no accepted write changed the fingerprint: it does not see the app's writes");
    }

    private static bool IsRefusedByKestrel(ScimFuzzRequest request, HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.BadRequest && request.Path.Contains("%00", StringComparison.Ordinal)
        && response.Content.Headers.ContentLength is null or 0;

    private async Task<HttpResponseMessage> SendAsync(ScimFuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Authorization is { } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        }

        return await _http.SendAsync(message);
    }

    // RFC 7644 §3.12: the error schema, status as a string, application/scim+json.
    private static async Task<string?> ScimErrorProblemAsync(HttpResponseMessage response, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/scim+json")
        {
            return $"4xx as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        }

        try
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject;
            var isError = body?["schemas"] is JsonArray schemas && schemas.Any(s => s?.GetValue<string>() == ScimSchemas.Error);
            return isError && body!["status"]?.GetValueKind() == JsonValueKind.String && body["status"]!.GetValue<string>() == status.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? null
                : "4xx without the SCIM error schema and its status string";
        }
        catch (JsonException)
        {
            return "4xx whose body is not JSON";
        }
    }

    /// <summary>
    /// Every row of the tables a SCIM request may change, every column: equal strings, nothing changed. Read through one
    /// context whose connection stays open (no tracking, no transaction between reads, so it holds no lock): a new
    /// unpooled connection for each of the ~2,600 fingerprints opened the file and parsed the schema again each time.
    /// </summary>
    private async Task<string> FingerprintAsync()
    {
        if (_fingerprintDb is null)
        {
            _fingerprintDb = await _factory.CreateDbContextAsync();
            await _fingerprintDb.Database.OpenConnectionAsync();
        }

        var db = _fingerprintDb;
        return JsonSerializer.Serialize(new object[]
        {
            await db.DirectoryUsers.AsNoTracking().OrderBy(u => u.Id).ToListAsync(),
            await db.DirectoryGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(),
            await db.DirectoryGroupMembers.AsNoTracking().OrderBy(m => m.GroupId).ThenBy(m => m.UserId).ToListAsync(),
            await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync(),
            await db.Memberships.AsNoTracking().OrderBy(m => m.Id).ToListAsync(),
            await db.AuditEvents.CountAsync(),
        }, _fingerprintJson);
    }

    private async Task<ScimFuzzTargets> SeedTargetsAsync()
    {
        Guid acme, globex;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
            globex = await db.ParentOrganizations.Where(p => p.Name == "Globex").Select(p => p.Id).SingleAsync();
        }

        var demo = await LoadDemoAsync();
        var saved = await _factory.Services.GetRequiredService<ProvisioningSettingsService>().SaveAsync(demo.AcmeChat,
            ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim }, demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
        var (token, _) = await _factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(acme, new AuditActor(null, "fuzz"));
        _bearer = token!.Secret;

        // A user whose userName has a precomposed letter, so its NFD form is a look-alike, and a group holding it.
        var userName = "zo\u00EB.fuzz@acme.test";
        var user = await PostAsync("/scim/v2/Users", $$"""{"userName":"{{userName}}","externalId":"fuzz-user","displayName":"Zoë Fuzz"}""");
        var group = await PostAsync("/scim/v2/Groups", $$"""{"displayName":"Fuzz group","externalId":"fuzz-group","members":[{"value":"{{user}}"}]}""");
        await using (var db = await _factory.CreateDbContextAsync())
        {
            var now = DateTimeOffset.UtcNow;
            var otherUser = new DirectoryUser { ParentOrganizationId = globex, UserName = "hank.fuzz@globex.test", NormalizedUserName = "HANK.FUZZ@GLOBEX.TEST", CreatedAt = now, UpdatedAt = now };
            var otherGroup = new DirectoryGroup { ParentOrganizationId = globex, DisplayName = "Globex fuzz", NormalizedDisplayName = "GLOBEX FUZZ", ExternalId = "fuzz-group", CreatedAt = now, UpdatedAt = now };
            db.AddRange(otherUser, otherGroup);
            await db.SaveChangesAsync();
            return new ScimFuzzTargets(user, userName, "fuzz-user", group, "Fuzz group", otherUser.Id, otherGroup.Id);
        }
    }

    private async Task<DemoData> LoadDemoAsync()
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await DemoData.LoadAsync(db);
    }

    private async Task<Guid> PostAsync(string path, string json)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/scim+json") };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearer);
        using var response = await _http.SendAsync(message);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
    }
}
