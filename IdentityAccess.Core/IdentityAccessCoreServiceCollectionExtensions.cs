using IdentityAccess.Core.Access;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IdentityAccess.Core;

public static class IdentityAccessCoreServiceCollectionExtensions
{
    /// <summary>Core's one entry point: persistence and every feature slice's services.</summary>
    public static IServiceCollection AddIdentityAccessCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<Common.PortalOptions>(configuration.GetSection(Common.PortalOptions.SectionName));
        services.AddPersistence(configuration);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<OrganizationAccessService>();
        services.AddSingleton<GuardedWrites>();
        services.AddMembers();
        services.AddOrganizations();
        services.AddApiKeys();
        services.AddInvitations();
        services.AddOutbox();
        services.AddSingleton<Sessions.EmailSignInService>();
        services.AddProvisioning();
        services.AddSso();
        services.AddSingleton<Scim.ScimTokenService>();
        services.AddSingleton<Scim.ScimUserService>();
        services.AddSingleton<Scim.GroupCommit.ScimCreateQueue>();
        services.AddSingleton<Scim.GroupCommit.ScimCreateBatch>();
        services.AddSingleton<Scim.ScimGroupService>();
        services.AddSingleton<Scim.ScimSetupService>();
        services.AddSingleton<Scim.DirectoryPauseReader>();
        services.AddSingleton<SeatLedger>();
        services.AddSingleton<PersonLookup>();
        services.AddSingleton<PersonLanguage>();
        services.AddSingleton<Sessions.PortalSessionService>();
        return services;
    }
}
