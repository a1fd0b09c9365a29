using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    /// <summary>Parent governance and the organizations' lifecycle.</summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddSingleton<ParentAdministration>();
        services.AddSingleton<OrganizationCreator>();
        services.AddSingleton<ParentMembership>();
        services.AddSingleton<JoinRequestReview>();
        services.AddSingleton<ParentPlanChange>();
        services.AddSingleton<ParentOrganizationsQuery>();
        services.AddSingleton<ParentSetupQuery>();
        return services;
    }
}
