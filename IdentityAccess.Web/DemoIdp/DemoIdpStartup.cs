using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Storage;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>
/// Creates the demo IdP's own database (with the demo directory, unless <c>Demo:SeedOnFirstRun</c> is off). Once the
/// server listens (its port is known only then), points the connections to the demo IdP at this address, and connects
/// the demo's parents right after the demo was seeded. Runs inside the host's start, so the first request already finds them.
/// </summary>
internal sealed class DemoIdpStartup(IServer server, IOptions<SamlSpOptions> options, IConfiguration configuration, DemoIdpStore store,
    DemoIdpConnections connections, DemoIdpSeedSignal seeded)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        store.EnsureCreatedAsync(seed: configuration.GetValue("Demo:SeedOnFirstRun", true), cancellationToken);

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var address = DemoIdpAppAddress.Find(server, options);
        if (seeded.DemoWasSeeded)
        {
            await connections.ConnectUnconnectedParentsAsync(address, cancellationToken);
        }

        await connections.FollowAddressAsync(address, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
