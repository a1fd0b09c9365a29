using System.Net;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdentityAccess.Bench;

/// <summary>The real app on Kestrel over a fresh SQLite file with the demo seeded, Acme's chat org switched to SCIM and a token.</summary>
internal sealed class BenchPortal : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _folder;

    /// <summary>Set to an Npgsql connection string (a server, not a database) to run on PostgreSQL in a fresh database.</summary>
    public const string PostgresVariable = "IA_BENCH_POSTGRES";

    private readonly string? _postgresDatabase;

    private BenchPortal(WebApplicationFactory<Program> factory, string folder, string baseUrl, string token, string? postgresDatabase) =>
        (_factory, _folder, BaseUrl, Token, _postgresDatabase) = (factory, folder, baseUrl, token, postgresDatabase);

    public static string DatabaseLabel => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } ? "PostgreSQL" : "SQLite file";

    public string BaseUrl { get; }

    public string Token { get; }

    /// <summary>The demo's Acme parent and its chat organization, for benchmarks that set up more.</summary>
    public (Guid Parent, Guid Chat, Guid Owner) Acme { get; private init; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<BenchPortal> StartAsync(int seededPeople, ProvisioningDraft? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("ia-bench-").FullName;
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        var postgresDatabase = string.IsNullOrEmpty(server) ? null : $"ia_bench_{Guid.NewGuid():N}";
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            if (postgresDatabase is null)
            {
                b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "bench.db")}");
            }
            else
            {
                b.UseSetting("Database:Provider", "Postgres");
                b.UseSetting("Database:ConnectionString", new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase, MaxPoolSize = 50 }.ConnectionString);
            }

            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // The bench deactivates everyone on purpose to time a large reconcile: the mass-removal safeguard would stage it.
            b.UseSetting("Provisioning:MassRemoval:Percent", "100");
            // ...and so would the removals applied within its window before (the directory bench's settling sync).
            b.UseSetting("Provisioning:MassRemoval:MinimumCount", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Long runs (tens of thousands of creates, to time a settled process) would otherwise spend the directory's bucket.
            b.UseSetting("Scim:RateLimit:TokenLimit", "1000000");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        var chat = await db.Organizations.SingleAsync(o => o.Name == "Acme");
        var alice = await db.People.SingleAsync(p => p.Email == "alice@acme.test");
        await db.SeatPools.Where(p => p.OrganizationId == chat.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 1_000_000));
        var actor = new AuditActor(alice.Id, "bench");
        var settingsService = factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = settings ?? ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settingsService.PreviewAsync(chat.Id, draft, alice.Id); // the bench confirms what an owner would type
        var saved = await settingsService.SaveAsync(chat.Id, draft, alice.Id, preview.AffectedOthers);
        if (saved.Errors.Count > 0)
        {
            throw new InvalidOperationException(saved.Errors[0].Message);
        }

        if (seededPeople > 0)
        {
            await BenchSeeder.SeedAsync(factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>(), chat.Id, chat.ParentOrganizationId, seededPeople);
        }

        var (token, _) = await factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(chat.ParentOrganizationId, actor);
        return new BenchPortal(factory, folder, baseUrl, token!.Secret, postgresDatabase) { Acme = (chat.ParentOrganizationId, chat.Id, alice.Id) };
    }

    public async Task<IReadOnlyList<string>> SeededDirectoryUserIdsAsync(int count)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        return [.. (await db.DirectoryUsers.Where(u => u.UserName.StartsWith("seed")).OrderBy(u => u.CreatedAt).Take(count).Select(u => u.Id).ToListAsync())
            .Select(id => id.ToString())];
    }

    /// <summary>Times Sync now twice: nothing to change, then every seeded person deactivated in the IdP (all suspended).</summary>
    public async Task SyncNowAsync(int seeded)
    {
        var sync = _factory.Services.GetRequiredService<SyncNowService>();
        var owner = Acme.Owner;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var unchanged = (await sync.SyncAsync(Acme.Chat, owner)).Changed;
        Console.WriteLine($"Sync now, nothing to change ({unchanged} changes): {clock.Elapsed.TotalMilliseconds:F0} ms");

        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync())
        {
            await db.DirectoryUsers.Where(u => u.UserName.StartsWith("seed")).ExecuteUpdateAsync(u => u.SetProperty(x => x.Active, false));
        }

        clock.Restart();
        var applied = (await sync.SyncAsync(Acme.Chat, owner)).Changed;
        Console.WriteLine($"Sync now, {seeded} deactivated in the IdP ({applied} changes applied): {clock.Elapsed.TotalSeconds:F1} s, working set {Environment.WorkingSet / (1024 * 1024)} MiB");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
