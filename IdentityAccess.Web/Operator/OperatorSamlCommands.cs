using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Web.Endpoints.Saml;
using IdentityAccess.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
    /// The IdP's published metadata, fetched now (https; http only in Development) with the same bounds, address guard
    /// and strict parser as the portal's fetcher, imported as a file would be, and then refreshed from the URL on the
    /// portal's schedule, as a URL given on the SSO panel is.
    /// </summary>
    private static async Task<int> ImportFromUrlAsync(IServiceProvider services, string parent, string url, SamlAttributePreset preset, AuditActor actor,
        TextWriter output, TextWriter error)
    {
        if (await OperatorCommands.FindParentAsync(services, parent, error) is not { } parentId)
        {
            return 2;
        }

        if (await services.GetRequiredService<SamlMetadataRefreshService>().ImportFromUrlForParentAsync(parentId, url, preset, actor) is { } refused)
        {
            await error.WriteLineAsync(refused.Message);
            return refused is MetadataUrlInvalid ? 2 : 1;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        var connection = await db.SamlConnections.AsNoTracking().SingleAsync(c => c.ParentOrganizationId == parentId);
        var keys = CertificateFingerprints.Sha256(connection.LoadCertificates());
        var hours = services.GetRequiredService<IOptions<SamlMetadataRefreshOptions>>().Value.IntervalHours;
        await output.WriteLineAsync($"Imported from {url.Trim()}: {keys.Count} signing certificate{(keys.Count == 1 ? "" : "s")} (SHA-256 {string.Join(", ", keys)}).");
        await output.WriteLineAsync($"It is fetched again every {hours} hours; a new signing key the IdP publishes is trusted from then on.");
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
