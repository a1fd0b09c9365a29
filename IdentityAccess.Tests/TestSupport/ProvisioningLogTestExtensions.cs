using IdentityAccess.Core.Scim.Log;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

public static class ProvisioningLogTestExtensions
{
    /// <summary>Waits until the log's write loop has stored every row queued so far (SCIM requests only queue them).</summary>
    public static async Task FlushProvisioningLogAsync(this IServiceProvider services)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await services.GetRequiredService<ProvisioningLogWriter>().FlushAsync(timeout.Token);
    }
}
