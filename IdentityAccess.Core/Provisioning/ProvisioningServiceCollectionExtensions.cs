using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Provisioning;

internal static class ProvisioningServiceCollectionExtensions
{
    public static IServiceCollection AddProvisioning(this IServiceCollection services)
    {
        services.AddSingleton<PlanApplier>();
        services.AddSingleton<ProvisioningSettingsService>();
        services.AddSingleton<DirectoryReconciler>();
        services.AddSingleton<SyncNowService>();
        return services;
    }
}
