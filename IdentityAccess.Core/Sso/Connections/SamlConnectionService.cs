using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The parent organization's SAML IdP, managed through one of its organizations by someone allowed to manage identity
/// and access there. Trust comes from the metadata the admin pastes; its own signature is not checked.
/// </summary>
public sealed class SamlConnectionService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access,
    AuditLog audit, TimeProvider time)
{
    public async Task<SamlConnectionView?> GetAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actingPersonId, cancellationToken) is not { } parentId)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, parentId, cancellationToken);
    }

    public async Task<Error?> ImportMetadataAsync(Guid organizationId, string metadataXml, SamlAttributePreset preset, AuditActor actor,
        SamlCustomAttributes? custom = null, CancellationToken cancellationToken = default) =>
        await ParentAsync(organizationId, actor.PersonId, cancellationToken) is { } parentId
            ? await ImportForParentAsync(parentId, metadataXml, preset, actor, custom, cancellationToken)
            : NotAllowed;

    /// <summary>Without an access check: for the operator command line, which runs with the database's own rights.</summary>
    public async Task<Error?> ImportForParentAsync(Guid parentId, string metadataXml, SamlAttributePreset preset, AuditActor actor,
        SamlCustomAttributes? custom = null, CancellationToken cancellationToken = default)
    {
        var (metadata, error) = IdpMetadataReader.Read(metadataXml ?? "");
        if (error is not null)
        {
            return error;
        }

        if (preset == SamlAttributePreset.Custom && custom is not { IsComplete: true })
        {
            return new SamlCustomAttributesMissing();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = await db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        var before = connection is null ? null : new { connection.EntityId, connection.SingleSignOnUrl, connection.Preset };
        if (connection is null)
        {
            connection = new SamlConnection { ParentOrganizationId = parentId, EntityId = "", SingleSignOnUrl = "", SigningCertificatesPem = "" };
            db.SamlConnections.Add(connection);
        }

        // A re-import (certificate rollover) keeps Enabled: sign-in goes on working with the new keys.
        connection.EntityId = metadata!.EntityId;
        connection.SingleSignOnUrl = metadata.SingleSignOnUrl.AbsoluteUri;
        connection.SigningCertificatesPem = SamlConnection.ToPem(metadata.SigningCertificates);
        connection.Preset = preset;
        (connection.CustomSubjectSource, connection.CustomSubjectAttribute, connection.CustomEmailAttribute,
            connection.CustomDisplayNameAttribute, connection.CustomGroupsAttribute) = preset == SamlAttributePreset.Custom
            ? (custom!.SubjectSource, Trim(custom.SubjectAttribute), Trim(custom.EmailAttribute), Trim(custom.DisplayNameAttribute), Trim(custom.GroupsAttribute))
            : (SamlSubjectSource.PersistentNameId, null, null, null, null);
        connection.UpdatedAt = time.GetUtcNow();
        audit.Record(db, actor, "sso.metadata-imported", metadata.EntityId.Length > 320 ? metadata.EntityId[..320] : metadata.EntityId, before,
            new { connection.EntityId, connection.SingleSignOnUrl, connection.Preset, Certificates = metadata.SigningCertificates.Count },
            parentOrganizationId: parentId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Error?> SetEnabledAsync(Guid organizationId, bool enabled, AuditActor actor, CancellationToken cancellationToken = default) =>
        await ParentAsync(organizationId, actor.PersonId, cancellationToken) is { } parentId
            ? await SetEnabledForParentAsync(parentId, enabled, actor, cancellationToken)
            : NotAllowed;

    /// <summary>Without an access check: for the Development demo, which connects its parents to the demo IdP.</summary>
    public async Task<Error?> SetEnabledForParentAsync(Guid parentId, bool enabled, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = await db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        if (connection is null)
        {
            return new SamlConnectionMissing();
        }

        if (enabled && !await HasVerifiedDomainAsync(db, parentId, cancellationToken))
        {
            return new SsoNeedsVerifiedDomain();
        }

        if (connection.Enabled != enabled)
        {
            connection.Enabled = enabled;
            connection.UpdatedAt = time.GetUtcNow();
            audit.Record(db, actor, enabled ? "sso.enabled" : "sso.disabled", connection.EntityId.Length > 320 ? connection.EntityId[..320] : connection.EntityId, null, null, parentOrganizationId: parentId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return null;
    }

    /// <summary>The connection sign-in may use: configured and enabled. No access check: sign-in is anonymous.</summary>
    public async Task<SamlConnection?> FindEnabledAsync(Guid parentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId && c.Enabled, cancellationToken);
    }

    /// <summary>Without an access check: for the operator command line.</summary>
    public static async Task<SamlConnectionView> GetAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        var connection = await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        var details = connection is null ? null : new SamlConnectionDetails(connection.EntityId, connection.SingleSignOnUrl, connection.Preset,
            connection.Enabled, connection.AllowIdpInitiated, connection.UpdatedAt, [.. connection.LoadCertificates().Select(Describe)]);
        var overage = await db.SamlIdentityLinks.CountAsync(l => l.ParentOrganizationId == parentId && l.LastSignInGroupsOverage, cancellationToken);
        return new SamlConnectionView(details, await HasVerifiedDomainAsync(db, parentId, cancellationToken), overage);
    }

    private static SamlCertificateView Describe(X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPublicKey();
        return new SamlCertificateView(certificate.Subject, new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            key?.KeySize ?? 0, certificate.Thumbprint);
    }

    private static Task<bool> HasVerifiedDomainAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        db.VerifiedDomains.AnyAsync(d => d.ParentOrganizationId == parentId && d.Status == DomainStatus.Verified, cancellationToken);

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ValidationFailed NotAllowed => new("organization", "Only the organization's Owner (chat) or Admin (Console) can manage its SSO connection.");

    private async Task<Guid?> ParentAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken);
        return check.IsGranted ? check.Organization!.ParentId : null;
    }
}
