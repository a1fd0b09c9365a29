using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Outbox;

internal static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName);
        services.AddSingleton<PortalLinks>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxReader>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDelivery>();
        return services;
    }
}
