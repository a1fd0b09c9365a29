using Microsoft.Extensions.Hosting;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>Runs the provisioning log's write loop for the app's lifetime; on shutdown it writes what is still queued.</summary>
internal sealed class ProvisioningLogWriterService(ProvisioningLogWriter writer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => writer.RunAsync(stoppingToken);
}
