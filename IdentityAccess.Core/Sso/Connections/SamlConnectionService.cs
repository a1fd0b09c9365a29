using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Core.Sso.Metadata;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The parent organization's SAML IdP. Only its parent admins change it (<see cref="Permission.ManageParentSettings"/>,
/// checked under the parent's lock, audited in the same transaction); the parent page and its organizations' Identity
/// and access pages show it. Trust comes from the metadata the admin pastes; its own signature is not checked.
/// </summary>
public sealed class SamlConnectionService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit, TimeProvider time)
{
    /// <summary>The connection of an organization's parent, for its Identity and access page; null when the person may not open it.</summary>
    public async Task<SamlConnectionView?> GetAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        return check.IsGranted ? await ReadAsync(check.Organization!.ParentId, cancellationToken) : null;
    }

    /// <summary>The parent's connection, for its page; null when the person may not view the parent.</summary>
    public async Task<SamlConnectionView?> GetForParentAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        (await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted
            ? await ReadAsync(parentId, cancellationToken)
            : null;

    public async Task<Error?> ImportMetadataAsync(Guid parentId, string metadataXml, SamlAttributePreset preset, Guid actingPersonId,
        SamlCustomAttributes? custom = null, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        return write.Refusal ?? await ImportAsync(write, metadataXml, preset, custom, cancellationToken);
    }

    /// <summary>Without an access check: for the operator command line and the Development demo, audited as <paramref name="actor"/>.</summary>
    public async Task<Error?> ImportForParentAsync(Guid parentId, string metadataXml, SamlAttributePreset preset, AuditActor actor,
        SamlCustomAttributes? custom = null, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OperatorParentAsync(parentId, actor, cancellationToken);
        return write.Refusal ?? await ImportAsync(write, metadataXml, preset, custom, cancellationToken);
    }

    /// <summary>What turning SSO off would change, for the confirmation shown before it; parent admins only.</summary>
    public async Task<(SsoDisableImpact? Impact, Error? Refusal)> PreviewDisableAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (!check.IsGranted)
        {
            return (null, check.Refusal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await SsoDisableImpact.ReadAsync(db, parentId, cancellationToken), null);
    }

    /// <summary>
    /// Turns sign-in through the IdP on or off. Off, while people sign in through it, needs their number as
    /// <paramref name="confirmation"/>, checked against the count as it is now.
    /// </summary>
    public async Task<Error?> SetEnabledAsync(Guid parentId, bool enabled, Guid actingPersonId, int? confirmation = null,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        return write.Refusal ?? await SetEnabledAsync(write, enabled, askConfirmation: true, confirmation, cancellationToken);
    }

    /// <summary>Without an access check: for the Development demo, which connects its parents to the demo IdP.</summary>
    public async Task<Error?> SetEnabledForParentAsync(Guid parentId, bool enabled, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OperatorParentAsync(parentId, actor, cancellationToken);
        return write.Refusal ?? await SetEnabledAsync(write, enabled, askConfirmation: false, confirmation: null, cancellationToken);
    }

    private async Task<Error?> ImportAsync(GuardedWrite write, string metadataXml, SamlAttributePreset preset, SamlCustomAttributes? custom,
        CancellationToken cancellationToken)
    {
        var (metadata, error) = IdpMetadataReader.Read(metadataXml ?? "");
        if ((error ?? await ApplyAsync(write, metadata!, preset, custom, "pasted", cancellationToken)) is { } refused)
        {
            return refused;
        }

        // Pasted metadata replaces a URL's: a scheduled refresh would otherwise bring the URL's metadata back.
        var source = await write.Db.SamlMetadataSources.SingleOrDefaultAsync(s => s.ParentOrganizationId == write.ParentId, cancellationToken);
        if (source is not null)
        {
            write.Db.SamlMetadataSources.Remove(source);
        }

        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Imports <paramref name="metadata"/> into the parent's connection inside <paramref name="write"/>, audited with the
    /// replaced and new signing keys' fingerprints; the caller commits. Shared by a paste and a URL import.
    /// </summary>
    internal async Task<Error?> ApplyAsync(GuardedWrite write, IdpMetadata metadata, SamlAttributePreset preset, SamlCustomAttributes? custom,
        string from, CancellationToken cancellationToken)
    {
        // Names given are checked like the editor's; without them, Custom has none to use.
        var names = custom?.Normalized();
        if ((names is null && preset == SamlAttributePreset.Custom ? new SamlCustomAttributesMissing() : names?.Check()) is { } invalid)
        {
            return invalid;
        }

        var (db, parentId) = (write.Db, write.ParentId);
        var connection = await db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        var before = connection is null ? null : new { Trust = SamlConnectionTrust.Audited(connection), connection.Preset };
        var sameIdp = connection?.EntityId == metadata.EntityId;
        if (connection is null)
        {
            connection = new SamlConnection { ParentOrganizationId = parentId, EntityId = "", SingleSignOnUrl = "", SigningCertificatesPem = "" };
            db.SamlConnections.Add(connection);
        }

        // A re-import (certificate rollover) keeps Enabled: sign-in goes on working with the new keys.
        var now = time.GetUtcNow();
        SamlConnectionTrust.Replace(connection, metadata, now);
        // Replacing the same IdP's metadata with the same preset (a rollover) keeps the names a parent admin may have changed.
        if (names is not null || before is null || connection.Preset != preset || !sameIdp)
        {
            connection.SetAttributeNames(preset, names ?? SamlAttributePresets.Names(preset));
        }

        connection.UpdatedAt = now;
        audit.Record(db, write.Actor, "sso.metadata-imported", SamlConnectionTrust.AuditTarget(metadata.EntityId), before,
            new { Trust = SamlConnectionTrust.Audited(metadata), connection.Preset, From = from }, parentOrganizationId: parentId);
        return null;
    }

    /// <param name="askConfirmation">A person's change: "off" needs <paramref name="confirmation"/>; the system's own changes are not asked.</param>
    private async Task<Error?> SetEnabledAsync(GuardedWrite write, bool enabled, bool askConfirmation, int? confirmation, CancellationToken cancellationToken)
    {
        var (db, parentId) = (write.Db, write.ParentId);
        var connection = await db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        if (connection is null)
        {
            return new SamlConnectionMissing();
        }

        if (enabled && !await HasVerifiedDomainAsync(db, parentId, cancellationToken))
        {
            return new SsoNeedsVerifiedDomain();
        }

        if (connection.Enabled == enabled)
        {
            return null;
        }

        // Checked against the count as it is now, under the parent's lock, not as the preview saw it.
        if (!enabled && askConfirmation && await SsoDisableImpact.ReadAsync(db, parentId, cancellationToken) is { } impact
            && !impact.IsConfirmedBy(confirmation))
        {
            return new SsoDisableNotConfirmed(impact.PeopleSigningInThroughIdp);
        }

        connection.Enabled = enabled;
        connection.UpdatedAt = time.GetUtcNow();
        audit.Record(db, write.Actor, enabled ? "sso.enabled" : "sso.disabled", SamlConnectionTrust.AuditTarget(connection.EntityId),
            null, null, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }

    private async Task<SamlConnectionView> GetAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var connection = await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        var source = connection is null ? null
            : await db.SamlMetadataSources.AsNoTracking().SingleOrDefaultAsync(s => s.ParentOrganizationId == parentId, cancellationToken);
        var details = connection is null ? null : new SamlConnectionDetails(connection.EntityId, connection.SingleSignOnUrl, connection.Preset,
            connection.Enabled, connection.AllowIdpInitiated, connection.UpdatedAt, [.. connection.LoadCertificates().Select(c => Describe(c, now))])
        {
            Source = source is null ? null : SamlMetadataSourceView.Of(source),
            ReplacedAt = connection.PreviousSigningCertificatesPem is null ? null : connection.ReplacedAt,
        };
        var overage = await db.SamlIdentityLinks.CountAsync(l => l.ParentOrganizationId == parentId && l.LastSignInGroupsOverage, cancellationToken);
        return new SamlConnectionView(details, await HasVerifiedDomainAsync(db, parentId, cancellationToken), overage);
    }

    private static SamlCertificateView Describe(X509Certificate2 certificate, DateTimeOffset now)
    {
        using var key = certificate.GetRSAPublicKey();
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        return new SamlCertificateView(certificate.Subject, notAfter, key?.KeySize ?? 0, certificate.Thumbprint)
        {
            Fingerprint = CertificateFingerprints.Sha256(certificate),
            Expiry = CertificateExpiries.Of(notAfter, now),
        };
    }

    private static Task<bool> HasVerifiedDomainAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        db.VerifiedDomains.AnyAsync(d => d.ParentOrganizationId == parentId && d.Status == DomainStatus.Verified, cancellationToken);

    private async Task<SamlConnectionView> ReadAsync(Guid parentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, parentId, cancellationToken);
    }
}
