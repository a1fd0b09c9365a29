using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.DemoIdp.Storage;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.DemoIdp;

/// <summary>
/// Connects parents to the demo IdP through the app's own metadata import, and keeps those connections pointing at
/// the address the app listens on now (its SSO URL is absolute, and a test's port changes every run).
/// </summary>
public sealed class DemoIdpConnections(IDbContextFactory<IdentityAccessDbContext> contexts, IDbContextFactory<DemoIdpDbContext> directory,
    SamlConnectionService connections, DemoIdpKeyStore keys)
{
    private static readonly AuditActor _actor = AuditActor.System("Demo identity provider");

    /// <summary>Every parent that verified a domain of the demo directory and has no IdP yet gets the demo IdP, enabled.</summary>
    public async Task ConnectUnconnectedParentsAsync(Uri appBaseUrl, CancellationToken cancellationToken = default)
    {
        List<string> tenants;
        await using (var idp = await directory.CreateDbContextAsync(cancellationToken))
        {
            tenants = await idp.People.Select(p => p.Domain).Union(idp.Groups.Select(g => g.Domain)).ToListAsync(cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unconnected = await db.VerifiedDomains
            .Where(d => d.Status == DomainStatus.Verified && tenants.Contains(d.Domain)
                && !db.SamlConnections.Any(c => c.ParentOrganizationId == d.ParentOrganizationId))
            .OrderBy(d => d.Domain).ToListAsync(cancellationToken);
        foreach (var domain in unconnected.DistinctBy(d => d.ParentOrganizationId))
        {
            if (await ImportAsync(domain.ParentOrganizationId, appBaseUrl, domain.Domain, cancellationToken) is null)
            {
                await connections.SetEnabledForParentAsync(domain.ParentOrganizationId, true, _actor, cancellationToken);
            }
        }
    }

    /// <summary>Re-imports the demo IdP's metadata where its address or key differs from what a connection pinned.</summary>
    public async Task FollowAddressAsync(Uri appBaseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var demo = await db.SamlConnections.AsNoTracking().Where(c => c.EntityId == DemoIdentityProvider.EntityId).ToListAsync(cancellationToken);
        using var certificate = await keys.GetOrCreateAsync(cancellationToken);
        var pem = SamlConnection.ToPem([certificate]);
        foreach (var connection in demo)
        {
            var tenant = DemoIdentityProvider.TenantOf(new Uri(connection.SingleSignOnUrl));
            if (connection.SingleSignOnUrl != DemoIdentityProvider.SsoUrl(appBaseUrl, tenant).AbsoluteUri || connection.SigningCertificatesPem != pem)
            {
                await ImportAsync(connection.ParentOrganizationId, appBaseUrl, tenant, cancellationToken);
            }
        }
    }

    /// <summary>The parents whose enabled SSO goes through the demo IdP: the sign-in page offers one button each.</summary>
    public async Task<IReadOnlyList<DemoIdpSignInEntry>> ListEnabledAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SamlConnections.Where(c => c.EntityId == DemoIdentityProvider.EntityId && c.Enabled)
            .Join(db.ParentOrganizations, c => c.ParentOrganizationId, p => p.Id, (c, p) => new { p.Id, p.Name, c.SingleSignOnUrl })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DemoIdpSignInEntry(r.Id, r.Name, DemoIdentityProvider.TenantOf(new Uri(r.SingleSignOnUrl)))).OrderBy(e => e.ParentName)];
    }

    private async Task<Core.Common.Error?> ImportAsync(Guid parentId, Uri appBaseUrl, string? tenant, CancellationToken cancellationToken)
    {
        using var certificate = await keys.GetOrCreateAsync(cancellationToken);
        var metadata = DemoIdpMetadata.Write(DemoIdentityProvider.SsoUrl(appBaseUrl, tenant), certificate);
        // The demo IdP sends Okta's attribute names with a persistent NameID (DemoIdpAttributes), but group ids, not names.
        return await connections.ImportForParentAsync(parentId, metadata, SamlAttributePreset.Okta, _actor,
            SamlAttributePresets.Names(SamlAttributePreset.Okta) with { GroupsFormat = Core.Saml.SamlGroupsFormat.Ids }, cancellationToken);
    }
}
