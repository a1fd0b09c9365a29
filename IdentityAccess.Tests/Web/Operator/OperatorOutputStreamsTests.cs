namespace IdentityAccess.Tests.Web.Operator;

/// <summary>
/// The operator command line as a script runs it, in its own process: the answer alone on standard output, every log
/// line on standard error, so <c>$(… operator scim-token create …)</c> captures the token and nothing else.
/// </summary>
public sealed class OperatorOutputStreamsTests
{
    [Fact]
    public async Task LogLines_GoToStandardError_NeverIntoTheAnswer()
    {
        var folder = Directory.CreateTempSubdirectory("ia-operator-").FullName;
        try
        {
            string[] database = ["--Database:Provider", "Sqlite", "--Database:ConnectionString", $"Data Source={Path.Combine(folder, "operator.db")}"];

            var migrated = await OperatorProcess.RunAsync(folder, [.. database, "operator", "migrate"]);
            var listed = await OperatorProcess.RunAsync(folder, [.. database, "operator", "scim-token", "list", "--parent", "Nobody Inc"]);

            Assert.Equal(0, migrated.ExitCode);
            Assert.Matches(@"^Database ready: \d+ migrations applied\.\n$", migrated.Output); // the answer alone
            Assert.Matches(@"(?m)^info:", migrated.Error); // the migrator's log line is there, on the other stream
            Assert.Equal(2, listed.ExitCode); // an unknown parent (see the usage's exit codes)
            Assert.DoesNotMatch(OperatorProcess.LogLine, listed.Output);
            Assert.Contains("Nobody Inc", listed.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
