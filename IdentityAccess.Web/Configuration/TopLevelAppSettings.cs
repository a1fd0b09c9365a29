using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace IdentityAccess.Web.Configuration;

internal static class TopLevelAppSettings
{
    /// <summary>
    /// The settings file lives at the repository's top level, and the build copies it next to the app's assembly.
    /// The host's default <c>appsettings*.json</c> sources look in the content root (the project folder), so they are
    /// pointed at the assembly's folder instead, keeping their place in the order: environment variables and
    /// command-line arguments still override the file. Changes to the file take effect at the next start.
    /// </summary>
    public static void UseTopLevelAppSettings(this ConfigurationManager configuration)
    {
        var folder = new PhysicalFileProvider(AppContext.BaseDirectory);
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is JsonConfigurationSource { Path: { } path } json
                && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                configuration.Sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    // Read once at start-up: a watcher per app instance would hold an inotify handle that nothing
                    // disposes (the tests start hundreds of instances), and settings changes take a restart anyway.
                    ReloadOnChange = false,
                    FileProvider = folder,
                };
            }
        }
    }
}
