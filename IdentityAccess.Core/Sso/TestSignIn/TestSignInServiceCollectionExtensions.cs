using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Sso.TestSignIn;

internal static class TestSignInServiceCollectionExtensions
{
    public static IServiceCollection AddSamlTestSignIn(this IServiceCollection services) => services
        .AddSingleton<SamlTestPreview>()
        .AddSingleton<SamlTestSignInCompletion>()
        .AddSingleton<SamlTestSignInService>();
}
