using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Core.Sso.Jit;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Core.Sso.TestSignIn;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Sso;

internal static class SsoServiceCollectionExtensions
{
    public static IServiceCollection AddSso(this IServiceCollection services)
    {
        services.AddOptions<DnsOptions>().BindConfiguration(DnsOptions.SectionName);
        services.AddSingleton<TxtRecordLookup>();
        services.AddSingleton<DomainService>();
        services.AddSingleton<DatabaseSamlReplayCache>();
        services.AddSingleton<ISamlReplayCache>(sp => sp.GetRequiredService<DatabaseSamlReplayCache>());
        services.AddSingleton<SamlLoginStates>();
        services.AddSingleton<SamlConnectionService>();
        services.AddSingleton<IdpInitiatedSignInSetting>();
        services.AddSingleton<SamlAttributeNamesService>();
        services.AddSingleton<GroupNames.SignInGroupService>();
        services.AddSingleton<EnabledSamlConnections>();
        services.AddSingleton<AuthnRequestBuilder>();
        services.AddSingleton<SsoIdentityLinker>();
        services.AddSingleton<JitProvisioner>();
        services.AddSingleton<SignInProvisioningLog>();
        services.AddSingleton<SamlSignInService>();
        services.AddSamlTestSignIn();
        services.AddSingleton<SpKeys.ISpKeyPairSource, SpKeys.FreshSpKeyPairs>();
        services.AddSingleton<SpKeys.SamlSpKeyStore>();
        services.AddSingleton<SpKeys.SamlSpKeyService>();
        services.AddIdpMetadataFetcher();
        services.AddSingleton<SamlMetadataRefreshService>();
        services.AddSingleton<SamlMetadataRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SamlMetadataRefresher>());
        return services;
    }
}
