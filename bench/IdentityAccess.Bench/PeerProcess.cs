using System.Diagnostics;

namespace IdentityAccess.Bench;

/// <summary>A peer SCIM server (a Node script in bench/peers) run as a child process until disposed.</summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PeerProcess(Process process, string baseUrl, string token) => (_process, BaseUrl, Token) = (process, baseUrl, token);

    /// <summary>The SCIM base URL the peer printed (Users live under it).</summary>
    public string BaseUrl { get; }

    public string Token { get; }

    /// <summary>The node process's own CPU time (for Jackson, not PostgreSQL's).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static string PeersFolder { get; } = FindPeersFolder();

    /// <summary>Installs the peers' locked packages once (`npm ci`), so a fresh clone needs no manual step. No install scripts:
    /// the only one is better-sqlite3's native build (a Jackson engine the bench does not use), which needs node headers from the network.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (Directory.Exists(Path.Combine(PeersFolder, "node_modules")))
        {
            return;
        }

        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --ignore-scripts --no-audit --no-fund") { WorkingDirectory = PeersFolder })
            ?? throw new InvalidOperationException("npm did not start");
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {PeersFolder} failed ({npm.ExitCode})");
        }
    }

    /// <summary>Starts `node script` on a free port and waits for its "ready baseUrl token" line.</summary>
    public static async Task<PeerProcess> StartAsync(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("node", [script, "0"])
        {
            WorkingDirectory = PeersFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"node {script} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("ready ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ');
                    _ = process.StandardOutput.ReadToEndAsync(); // keep draining so the child never blocks on a full pipe
                    return new PeerProcess(process, parts[1], parts[2]);
                }
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        throw new InvalidOperationException($"node {script} exited before it was ready ({process.ExitCode}): {(await errors).Trim()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first: Jackson drops its database on the way out.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static string FindPeersFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "bench", "peers");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("bench/peers not found above " + AppContext.BaseDirectory);
    }
}
