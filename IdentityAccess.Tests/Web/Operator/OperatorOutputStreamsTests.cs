using System.Diagnostics;

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
            // The test output holds the web app with its runtime config: run it as `dotnet IdentityAccess.Web.dll`.
            var app = Path.Combine(AppContext.BaseDirectory, "IdentityAccess.Web.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var arg in new[]
            {
                app, "--Database:Provider", "Sqlite", "--Database:ConnectionString", $"Data Source={Path.Combine(folder, "operator.db")}",
                "operator", "scim-token", "list", "--parent", "Nobody Inc",
            })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment.Remove("Logging__Console__LogLevel__Default"); // the test process quiets its own apps (QuietConsoleLogs)
            info.Environment["Logging__LogLevel__Default"] = "Information";
            info.Environment["DOTNET_ENVIRONMENT"] = "Production";
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(2, process.ExitCode); // an unknown parent (see the usage's exit codes)
            Assert.DoesNotMatch(@"(?m)^(info|warn|fail|dbug|trce|crit):", await output);
            Assert.Contains("Nobody Inc", await error);
            Assert.Matches(@"(?m)^(info|warn):", await error); // the start-up's log lines are there, on the other stream
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
