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
    private const string TurnSsoOn = "Turn SSO on from the Identity and access page once a domain is verified.";

    public static OperatorCommand? Parse(string[] args) => args switch
    {
        ["import-metadata", "--parent", var parent, "--file", var file, .. var rest] when ParseProfile(rest) is { } preset =>
            new(context => ImportFromFileAsync(context, parent, file, preset)),
        ["import-metadata", "--parent", var parent, "--url", var url, .. var rest] when ParseProfile(rest) is { } preset =>
            new(context => ImportFromUrlAsync(context, parent, url, preset)),
        ["sp-metadata"] => new(SpMetadataAsync, OperatorDatabaseUse.None),
        _ => null,
    };

    private static async Task<int> ImportFromFileAsync(OperatorContext context, string parent, string file, SamlAttributePreset preset)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        if (!File.Exists(file))
        {
            return await context.Console.FailAsync(OperatorExitCodes.NotFound, "file-not-found", $"No file '{file}'.");
        }

        if (await context.Get<SamlConnectionService>().ImportForParentAsync(parentId, await File.ReadAllTextAsync(file), preset, context.Actor) is { } refused)
        {
            return await context.Console.RefusedAsync(refused);
        }

        return await context.Console.AnswerAsync(new { result = "imported", preset }, "Imported. " + TurnSsoOn);
    }

    /// <summary>
    /// The IdP's published metadata, fetched now (https; http only in Development) with the same bounds, address guard
    /// and strict parser as the portal's fetcher, imported as a file would be, and then refreshed from the URL on the
    /// portal's schedule, as a URL given on the SSO panel is.
    /// </summary>
    private static async Task<int> ImportFromUrlAsync(OperatorContext context, string parent, string url, SamlAttributePreset preset)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        if (await context.Get<SamlMetadataRefreshService>().ImportFromUrlForParentAsync(parentId, url, preset, context.Actor) is { } refused)
        {
            return await context.Console.RefusedAsync(refused);
        }

        await using var db = await context.Get<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        var connection = await db.SamlConnections.AsNoTracking().SingleAsync(c => c.ParentOrganizationId == parentId);
        var keys = CertificateFingerprints.Sha256(connection.LoadCertificates());
        var hours = context.Get<IOptions<SamlMetadataRefreshOptions>>().Value.IntervalHours;
        return await context.Console.AnswerAsync(
            new { result = "imported", preset, url = url.Trim(), signingCertificateSha256 = keys, refreshIntervalHours = hours },
            $"""
            Imported from {url.Trim()}: {keys.Count} signing certificate{(keys.Count == 1 ? "" : "s")} (SHA-256 {string.Join(", ", keys)}).
            It is fetched again every {hours} hours; a new signing key the IdP publishes is trusted from then on.
            {TurnSsoOn}
            """);
    }

    private static async Task<int> SpMetadataAsync(OperatorContext context)
    {
        if (context.Get<PublicBaseUrl>().Configured is not { } publicBase)
        {
            return await context.Console.FailAsync(OperatorExitCodes.Refused, "not-configured",
                "Set Portal:PublicBaseUrl (the portal's public address) first: the ACS URL is built from it.");
        }

        var sp = context.Get<SamlServiceProvider>();
        var acsUrl = sp.AbsoluteUrl(publicBase.AbsoluteUri, SamlServiceProvider.AcsPath);
        var metadata = SpMetadataWriter.Write(new SamlServiceProviderSettings(sp.EntityId, acsUrl));
        return await context.Console.AnswerAsync(new { sp.EntityId, acsUrl, metadata }, metadata);
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
