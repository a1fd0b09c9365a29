using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Scim.Log;

public static class ProvisioningLogServiceCollectionExtensions
{
    /// <summary>The SCIM provisioning log: its writer and write loop (with the <c>Scim:Log</c> retention settings) and its reader.</summary>
    public static IServiceCollection AddScimProvisioningLog(this IServiceCollection services)
    {
        services.AddOptions<ProvisioningLogOptions>().BindConfiguration(ProvisioningLogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProvisioningLogWriter>();
        services.AddHostedService<ProvisioningLogWriterService>();
        services.AddSingleton<ProvisioningLogReader>();
        return services;
    }
}
