using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IdentityAccess.Core.Outbox;

internal static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName)
            .Validate(o => !o.IsConfigured || MailboxAddress.TryParse(o.From, out _), "Email:Smtp:From must be an address (e.g. no-reply@example.com) when Email:Smtp:Host is set.")
            .ValidateOnStart();
        services.AddSingleton<PortalLinks>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxReader>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDelivery>();
        return services;
    }
}
