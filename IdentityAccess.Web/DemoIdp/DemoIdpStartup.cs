using IdentityAccess.Core.Demo.Idp;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>
/// Once the server listens (its port is known only then), points the connections to the demo IdP at this address, and
/// connects the demo's parents right after the demo was seeded. Runs inside the host's start, so the first request
/// already finds them.
/// </summary>
internal sealed class DemoIdpStartup(IServer server, IOptions<SamlSpOptions> options, DemoIdpConnections connections, DemoIdpSeedSignal seeded)
    : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var address = DemoIdpAppAddress.Find(server, options);
        if (seeded.DemoWasSeeded)
        {
            await connections.ConnectUnconnectedParentsAsync(address, cancellationToken);
        }

        await connections.FollowAddressAsync(address, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
