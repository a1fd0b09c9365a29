using IdentityAccess.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IdentityAccess.DemoIdp.Storage;

/// <summary>
/// Where the demo IdP's database lives: <c>DemoIdp:ConnectionString</c> when set; else a file beside the app's SQLite file
/// (<c>data/identityaccess.db</c> → <c>data/identityaccess.demo-idp.db</c>); else (an in-memory or PostgreSQL app
/// database) a private in-memory database that lives as long as the app, kept open here.
/// </summary>
public sealed class DemoIdpStorage : IDisposable
{
    public const string ConnectionStringKey = "DemoIdp:ConnectionString";

    private const string FileSuffix = ".demo-idp.db";

    private readonly SqliteConnection? _keepAlive;

    public DemoIdpStorage(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        ConnectionString = Resolve(configuration[ConnectionStringKey], database, environment.ContentRootPath);
        if (!IsFile(ConnectionString))
        {
            // A shared in-memory SQLite database is dropped when its last connection closes.
            _keepAlive = new SqliteConnection(ConnectionString);
            _keepAlive.Open();
        }
    }

    public string ConnectionString { get; }

    /// <summary>The file, or the in-memory database's name: for the log line that tells a developer where the demo IdP keeps its data.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    internal static string Resolve(string? configured, DatabaseOptions database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return PersistenceServiceCollectionExtensions.ResolveSqlitePath(configured, contentRoot);
        }

        if (database.Provider == DatabaseProvider.Sqlite && IsFile(database.ConnectionString))
        {
            var beside = new SqliteConnectionStringBuilder(PersistenceServiceCollectionExtensions.ResolveSqlitePath(database.ConnectionString, contentRoot));
            beside.DataSource = Path.Combine(Path.GetDirectoryName(beside.DataSource)!, Path.GetFileNameWithoutExtension(beside.DataSource) + FileSuffix);
            return beside.ToString();
        }

        return $"Data Source=file:demo-idp-{Guid.NewGuid():N}?mode=memory&cache=shared";
    }

    private static bool IsFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } source && source != ":memory:"
            && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _keepAlive?.Dispose();
}
