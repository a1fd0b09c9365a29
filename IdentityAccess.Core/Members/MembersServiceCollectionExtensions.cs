using IdentityAccess.Core.Seats;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Members;

internal static class MembersServiceCollectionExtensions
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<MemberAdministration>();
        services.AddSingleton<MemberExport>();
        services.AddSingleton<SeatPurchase>();
        return services;
    }
}
