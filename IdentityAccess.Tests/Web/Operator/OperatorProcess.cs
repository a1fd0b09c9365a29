using System.Diagnostics;

namespace IdentityAccess.Tests.Web.Operator;

/// <summary>
/// The operator command line as a script runs it: <c>dotnet IdentityAccess.Web.dll … operator …</c> in its own process
/// (the test output holds the web app with its runtime config), in Production with its log lines on, standard output
/// and standard error read apart.
/// </summary>
internal static class OperatorProcess
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IdentityAccess.Web.dll"));
        foreach (var arg in args)
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
        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>The console logger's line starts: none of them may be in an answer.</summary>
    public const string LogLine = @"(?m)^(info|warn|fail|dbug|trce|crit):";

    /// <summary>What a crash prints: never what an operator's refusal looks like.</summary>
    public const string StackTrace = @"(?m)^\s+at [\w.]+";
}
