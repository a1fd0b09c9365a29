using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Members.Invitations;

internal static class InvitationsServiceCollectionExtensions
{
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InvitationAdministration>();
        services.AddSingleton<InvitationAcceptance>();
        services.AddSingleton<InvitationDirectory>();
        services.AddSingleton<InvitationExpiry>();
        services.AddHostedService<InvitationExpirySweep>();
        return services;
    }
}
