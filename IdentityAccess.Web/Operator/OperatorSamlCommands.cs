using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Web.Endpoints.Saml;
using IdentityAccess.Web.Startup;

namespace IdentityAccess.Web.Operator;

/// <summary><c>operator saml …</c>: the parent's IdP metadata, and ours to hand to the IdP.</summary>
internal static class OperatorSamlCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, AuditActor actor, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["import-metadata", "--parent", var parent, "--file", var file, .. var rest] when ParseProfile(rest) is { } preset:
                if (await OperatorCommands.FindParentAsync(services, parent, error) is not { } parentId)
                {
                    return 2;
                }

                if (!File.Exists(file))
                {
                    await error.WriteLineAsync($"No file '{file}'.");
                    return 2;
                }

                var refused = await services.GetRequiredService<SamlConnectionService>()
                    .ImportForParentAsync(parentId, await File.ReadAllTextAsync(file), preset, actor);
                if (refused is not null)
                {
                    await error.WriteLineAsync(refused.Message);
                    return 1;
                }

                await output.WriteLineAsync("Imported. Turn SSO on from the Identity and access page once a domain is verified.");
                return 0;
            case ["sp-metadata"]:
                if (services.GetRequiredService<PublicBaseUrl>().Configured is not { } publicBase)
                {
                    await error.WriteLineAsync("Set Portal:PublicBaseUrl (the portal's public address) first: the ACS URL is built from it.");
                    return 2;
                }

                var sp = services.GetRequiredService<SamlServiceProvider>();
                await output.WriteLineAsync(SpMetadataWriter.Write(new SamlServiceProviderSettings(sp.EntityId,
                    sp.AbsoluteUrl(publicBase.AbsoluteUri, SamlServiceProvider.AcsPath))));
                return 0;
            default:
                await error.WriteLineAsync("Usage: operator saml import-metadata --parent <name or id> --file <path> [--profile entra|okta] | operator saml sp-metadata");
                return 2;
        }
    }

    private static SamlAttributePreset? ParseProfile(string[] rest) => rest switch
    {
        [] or ["--profile", "entra"] => SamlAttributePreset.EntraId,
        ["--profile", "okta"] => SamlAttributePreset.Okta,
        _ => null,
    };
}
