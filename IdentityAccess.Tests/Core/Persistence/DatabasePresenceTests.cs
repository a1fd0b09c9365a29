using IdentityAccess.Core.Persistence;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Tests.Core.Persistence;

public sealed class DatabasePresenceTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("ia-presence-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private Task<DatabaseProblem?> CheckAsync(DatabaseProvider provider, string connectionString) =>
        new DatabasePresence(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }),
            new HostingEnvironment { ContentRootPath = _contentRoot }).CheckAsync();

    [Fact]
    public async Task CheckAsync_RelativeSqliteFileThatIsMissing_MissingWithItsFullPath_AndNothingCreated()
    {
        var problem = await CheckAsync(DatabaseProvider.Sqlite, "Data Source=data/identityacess.db");

        var path = Path.Combine(_contentRoot, "data", "identityacess.db");
        Assert.Equal(new DatabaseProblem(DatabaseProblemKind.Missing, $"The database file '{path}' does not exist."), problem);
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")));
    }

    [Fact]
    public async Task CheckAsync_SqliteFileThatExists_OrInMemory_NoProblem()
    {
        await File.WriteAllBytesAsync(Path.Combine(_contentRoot, "identityaccess.db"), []);

        Assert.Null(await CheckAsync(DatabaseProvider.Sqlite, "Data Source=identityaccess.db"));
        Assert.Null(await CheckAsync(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        Assert.Null(await CheckAsync(DatabaseProvider.Sqlite, "Data Source=file:ia_presence?mode=memory&cache=shared"));
    }

    [Fact]
    public async Task CheckAsync_ConnectionStringThatCannotBeRead_Unreachable()
    {
        var problem = await CheckAsync(DatabaseProvider.Postgres, "Host=127.0.0.1;NoSuchKeyword=1");

        Assert.Equal(DatabaseProblemKind.Unreachable, problem?.Kind);
        Assert.StartsWith("The database connection string is not usable", problem?.Message, StringComparison.Ordinal);
    }
}
