using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace IdentityAccess.Tests.Web.Operator;

/// <summary>
/// A command line pointed at a database that is not there: refused with exit 69 and a sentence, never a stack trace,
/// and never by creating an empty database at a mistyped path; only <c>operator migrate</c> creates one. Each runs the
/// command line in its own process, as an operator does.
/// </summary>
public sealed class OperatorDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ia-operator-db-").FullName;

    /// <summary>A mistyped folder and file: neither may exist after a refused command.</summary>
    private string MistypedFile => Path.Combine(_folder, "typo", "identityacess.db");

    private string[] Sqlite(string file) => ["--Database:Provider", "Sqlite", "--Database:ConnectionString", $"Data Source={file}"];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task MissingSqliteFile_RefusedWith69_AndNothingCreated()
    {
        var run = await OperatorProcess.RunAsync(_folder, [.. Sqlite(MistypedFile), "operator", "scim-token", "list", "--parent", "Acme Corporation"]);

        Assert.Equal(69, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains($"The database file '{MistypedFile}' does not exist.", run.Error, StringComparison.Ordinal);
        Assert.Contains("operator migrate", run.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(OperatorProcess.StackTrace, run.Error);
        Assert.False(File.Exists(MistypedFile));
        Assert.False(Directory.Exists(Path.GetDirectoryName(MistypedFile)));
    }

    [Fact]
    public async Task MissingSqliteFile_WithJson_RefusalIsAJsonErrorOnStandardError()
    {
        var run = await OperatorProcess.RunAsync(_folder, [.. Sqlite(MistypedFile), "operator", "parent-admin", "list", "--parent", "Acme Corporation", "--json"]);

        Assert.Equal(69, run.ExitCode);
        Assert.Empty(run.Output);
        var error = JsonDocument.Parse(JsonLines(run.Error)).RootElement.GetProperty("error");
        Assert.Equal("database-missing", error.GetProperty("code").GetString());
        Assert.Contains(MistypedFile, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(MistypedFile));
    }

    [Fact]
    public async Task UnknownCommand_WithAMissingDatabase_IsAUsageError()
    {
        var run = await OperatorProcess.RunAsync(_folder, [.. Sqlite(MistypedFile), "operator", "scim-token", "frobnicate"]);

        Assert.Equal(64, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("Usage: operator", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(MistypedFile));
    }

    [Fact]
    public async Task Migrate_CreatesTheMissingFile_AndTheNextCommandRunsOnIt()
    {
        var file = Path.Combine(_folder, "new", "identityaccess.db");

        var migrated = await OperatorProcess.RunAsync(_folder, [.. Sqlite(file), "operator", "migrate", "--json"]);
        var again = await OperatorProcess.RunAsync(_folder, [.. Sqlite(file), "operator", "--json", "migrate"]);
        var listed = await OperatorProcess.RunAsync(_folder, [.. Sqlite(file), "operator", "outbox", "list", "--json"]);

        Assert.Equal((0, 0, 0), (migrated.ExitCode, again.ExitCode, listed.ExitCode));
        Assert.True(File.Exists(file));
        var first = JsonDocument.Parse(migrated.Output).RootElement;
        Assert.Equal("migrated", first.GetProperty("result").GetString());
        Assert.True(first.GetProperty("appliedMigrations").GetInt32() > 0);
        Assert.Equal(0, JsonDocument.Parse(again.Output).RootElement.GetProperty("appliedMigrations").GetInt32());
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(listed.Output).RootElement.ValueKind);
        Assert.DoesNotMatch(OperatorProcess.LogLine, migrated.Output + again.Output + listed.Output);
    }

    [Fact]
    public async Task PostgresServerThatDoesNotAnswer_RefusedWith69_WithoutAStackTrace()
    {
        var port = ClosedPort();
        string[] postgres = ["--Database:Provider", "Postgres", "--Database:ConnectionString", $"Host=127.0.0.1;Port={port};Username=postgres;Database=ia"];

        var run = await OperatorProcess.RunAsync(_folder, [.. postgres, "operator", "domain", "list", "--parent", "Acme Corporation"]);
        var json = await OperatorProcess.RunAsync(_folder, [.. postgres, "operator", "migrate", "--json"]);

        Assert.Equal((69, 69), (run.ExitCode, json.ExitCode));
        Assert.Empty(run.Output + json.Output);
        Assert.Contains($"The PostgreSQL server at 127.0.0.1:{port} cannot be used", run.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(OperatorProcess.StackTrace, run.Error);
        Assert.Equal("database-unreachable", JsonDocument.Parse(JsonLines(json.Error)).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    /// <summary>A port nothing listens on: one the system just gave out and took back.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Standard error holds the start-up's log lines too: the JSON refusal is the text from its first "{" line on.</summary>
    private static string JsonLines(string error) => error[(error.StartsWith('{') ? 0 : error.IndexOf("\n{", StringComparison.Ordinal) + 1)..];
}
