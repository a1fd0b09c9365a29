using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
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
            case ["import-metadata", "--parent", var parent, "--url", var url, .. var rest] when ParseProfile(rest) is { } preset:
                return await ImportFromUrlAsync(services, parent, url, preset, actor, output, error);
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
                await error.WriteLineAsync("Usage: operator saml import-metadata --parent <name or id> (--file <path> | --url <https url>) [--profile entra|okta|google|onelogin|jumpcloud|pingone|adfs] | operator saml sp-metadata");
                return 2;
        }
    }

    /// <summary>
    /// The IdP's published metadata, fetched once now (https; http only in Development) with the same bounds and strict
    /// parser as the portal's fetcher, then imported exactly as a file would be.
    /// </summary>
    private static async Task<int> ImportFromUrlAsync(IServiceProvider services, string parent, string url, SamlAttributePreset preset, AuditActor actor,
        TextWriter output, TextWriter error)
    {
        if (await OperatorCommands.FindParentAsync(services, parent, error) is not { } parentId)
        {
            return 2;
        }

        var (address, invalid) = MetadataUrlPolicy.Check(url, services.GetRequiredService<IHostEnvironment>().IsDevelopment());
        if (invalid is not null)
        {
            await error.WriteLineAsync(invalid.Message);
            return 2;
        }

        var fetched = await services.GetRequiredService<IdpMetadataFetcher>().FetchAsync(address!, etag: null, lastModified: null);
        if (fetched.Error is not null || fetched.Xml is null)
        {
            await error.WriteLineAsync(fetched.Error?.Message ?? "The metadata could not be fetched.");
            return 1;
        }

        if (await services.GetRequiredService<SamlConnectionService>().ImportForParentAsync(parentId, fetched.Xml, preset, actor) is { } refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }

        var keys = CertificateFingerprints.Sha256(fetched.Metadata!.SigningCertificates);
        await output.WriteLineAsync($"Imported from {address}: {keys.Count} signing certificate{(keys.Count == 1 ? "" : "s")} (SHA-256 {string.Join(", ", keys)}).");
        await output.WriteLineAsync("Turn SSO on from the Identity and access page once a domain is verified.");
        return 0;
    }

    private static SamlAttributePreset? ParseProfile(string[] rest) => rest switch
    {
        [] or ["--profile", "entra"] => SamlAttributePreset.EntraId,
        ["--profile", "okta"] => SamlAttributePreset.Okta,
        ["--profile", "google"] => SamlAttributePreset.GoogleWorkspace,
        ["--profile", "onelogin"] => SamlAttributePreset.OneLogin,
        ["--profile", "jumpcloud"] => SamlAttributePreset.JumpCloud,
        ["--profile", "pingone"] => SamlAttributePreset.PingOne,
        ["--profile", "adfs"] => SamlAttributePreset.Adfs,
        _ => null,
    };
}
