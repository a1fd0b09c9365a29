using IdentityAccess.Core.Provisioning.Safety;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Provisioning;

internal static class ProvisioningServiceCollectionExtensions
{
    public static IServiceCollection AddProvisioning(this IServiceCollection services)
    {
        services.AddOptions<MassRemovalOptions>().BindConfiguration(MassRemovalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MassRemovalBreaker>();
        services.AddSingleton<StagedRemovalService>();
        services.AddSingleton<TopRoleHolds>();
        services.AddSingleton<HeldTopRoleChangeService>();
        services.AddSingleton<PlanApplier>();
        services.AddSingleton<ProvisioningSettingsService>();
        services.AddSingleton<Drafts.SettingsDraftService>();
        services.AddSingleton<DirectoryReconciler>();
        services.AddOptions<ReconcileHeapOptions>().BindConfiguration(ReconcileHeapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReconcileHeapRelease>();
        services.AddSingleton<Snapshots.ParentSnapshots>();
        services.AddSingleton<SyncNowService>();
        services.AddSingleton<SeatQueueService>();
        services.AddSingleton<SyncRuns.SyncRunQueue>();
        services.AddSingleton<SyncRuns.SyncRunService>();
        services.AddSingleton<SyncRuns.SyncRunLiveness>();
        services.AddHostedService<SyncRuns.SyncRunWorker>();
        services.AddOptions<ScheduledReconcileOptions>().BindConfiguration(ScheduledReconcileOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScheduledReconcile>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledReconcile>());
        services.AddSingleton<RemovalGraceSettingsService>();
        services.AddOptions<RemovalGracePeriodOptions>().BindConfiguration(RemovalGracePeriodOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RemovalGracePeriod>();
        services.AddHostedService(sp => sp.GetRequiredService<RemovalGracePeriod>());
        return services;
    }
}
