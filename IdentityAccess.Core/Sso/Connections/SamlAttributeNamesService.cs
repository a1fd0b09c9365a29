using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The attribute names of the parent's connection: a preset, then any name changed. They decide who a sign-in is
/// (the subject) and which groups it carries, so only parent admins change them (<see cref="Permission.ManageParentSettings"/>,
/// under the parent's lock), audited with the names before and after in the same transaction.
/// </summary>
public sealed class SamlAttributeNamesService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access,
    GuardedWrites writes, AuditLog audit, TimeProvider time)
{
    /// <summary>For an organization's Identity and access page; null without a connection or when the person may not open the page.</summary>
    public async Task<SamlAttributeNamesView?> GetAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        return check.IsGranted ? await ReadAsync(check.Organization!.ParentId, cancellationToken) : null;
    }

    /// <summary>For the parent's page; null without a connection or when the person may not view the parent.</summary>
    public async Task<SamlAttributeNamesView?> GetForParentAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        (await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted
            ? await ReadAsync(parentId, cancellationToken)
            : null;

    public async Task<Error?> SetAsync(Guid parentId, SamlAttributePreset preset, SamlCustomAttributes names, Guid actingPersonId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is not null)
        {
            return write.Refusal;
        }

        var normalized = names.Normalized();
        if (!Enum.IsDefined(preset))
        {
            return new SamlAttributeNameInvalid("preset", AttributeNameProblem.UnknownPreset);
        }

        if (normalized.Check() is { } invalid)
        {
            return invalid;
        }

        var db = write.Db;
        var connection = await db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        if (connection is null)
        {
            return new SamlConnectionMissing();
        }

        var before = new { connection.Preset, Names = connection.AttributeNames };
        if (before.Preset == preset && before.Names == normalized)
        {
            return null;
        }

        connection.SetAttributeNames(preset, normalized);
        connection.UpdatedAt = time.GetUtcNow();
        audit.Record(db, write.Actor, "sso.attribute-names-changed", connection.EntityId.Length > 320 ? connection.EntityId[..320] : connection.EntityId,
            before, new { Preset = preset, Names = normalized }, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }

    private async Task<SamlAttributeNamesView?> ReadAsync(Guid parentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        return connection is null ? null : new SamlAttributeNamesView(connection.Preset, connection.AttributeNames);
    }
}
