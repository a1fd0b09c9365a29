using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The portal in a process of its own (<c>dotnet IdentityAccess.Web.dll</c> from the test output, as a deployment runs
/// it) on a test database, listening on 127.0.0.1: for what only a separate process can show, such as what a database
/// holds after that process is killed mid-write.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>Starts the app on <paramref name="database"/> (already migrated and seeded) and waits until it listens.</summary>
    public static async Task<PortalProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IdentityAccess.Web.dll"));
        info.Environment.Remove("Logging__Console__LogLevel__Default"); // the test process quiets its own apps (QuietConsoleLogs)
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["Demo__SeedOnFirstRun"] = "false"; // the database is the test's, seeded already
        info.Environment["Database__Provider"] = database.Provider.ToString();
        info.Environment["Database__ConnectionString"] = database.ConnectionString;
        info.Environment["DataProtection__KeysDirectory"] = IdentityAccessWebFactory.KeysDirectory;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // its "Now listening on" line
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data is { } line && Listening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["address"].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2))) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new InvalidOperationException($"The portal process did not start listening. Its output:\n{output}");
            }
        }

        return new PortalProcess(process, await listening.Task);
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>SIGKILL: no shutdown, no flush, whatever it was writing left as the kill found it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
