using System.Runtime.CompilerServices;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The apps the tests start log to the console like the real one, and many tests provoke refusals on purpose (a
/// duplicate userName, a forged response), which the app logs as "fail:" lines. In the test command's output those read
/// as failures, so the console provider is silenced for the whole test process; the tests' own log captures are other
/// providers and keep working. <c>IA_TEST_LOGS=1</c> brings the console logs back when chasing a failure.
/// </summary>
internal static class QuietConsoleLogs
{
    [ModuleInitializer]
    internal static void Silence()
    {
        if (Environment.GetEnvironmentVariable("IA_TEST_LOGS") is not "1")
        {
            // Read by every host the tests build (WebApplication.CreateBuilder adds the environment to configuration).
            Environment.SetEnvironmentVariable("Logging__Console__LogLevel__Default", "None");
        }
    }
}
