using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Startup;

/// <summary>
/// The two apps <see cref="SecurityHeadersTests"/> read headers from, one per environment, each started the first time
/// a test asks and kept for the class: the tests only send GETs and read what comes back, so nothing one test does
/// changes what another sees, and five app starts were most of the class's time.
/// </summary>
public sealed class SecurityHeadersApps : IAsyncLifetime
{
    private readonly SqliteTestDatabase _productionDatabase = new();
    private readonly SqliteTestDatabase _developmentDatabase = new();
    private IdentityAccessWebFactory? _production;
    private IdentityAccessWebFactory? _development;

    public IdentityAccessWebFactory Production => _production ??= App(_productionDatabase, "Production");

    public IdentityAccessWebFactory Development => _development ??= App(_developmentDatabase, "Development");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { _production, _development }.OfType<IdentityAccessWebFactory>())
        {
            await app.DisposeAsync();
        }

        await _productionDatabase.DisposeAsync();
        await _developmentDatabase.DisposeAsync();
    }

    private static IdentityAccessWebFactory App(TestDatabase database, string environment) =>
        new(database, environment, useTestAuth: false, new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "https://portal.example.test" });
}
