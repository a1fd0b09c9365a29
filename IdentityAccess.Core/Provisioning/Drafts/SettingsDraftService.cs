using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning.Drafts;

/// <summary>
/// Keeps, reads and discards a person's unsaved Identity and access settings for one organization. Each call needs what
/// editing the settings needs (<see cref="Permission.ManageIdentityAccess"/>, the role read from the database), and
/// touches only the acting person's own draft: there is no way to name someone else's.
/// </summary>
/// <remarks>
/// No audit event: a draft changes nobody's access and is seen by nobody else; what it becomes is audited when saved
/// (<see cref="ProvisioningSettingsService.SaveAsync"/>). Auditing each change of a form would bury the log.
/// </remarks>
public sealed class SettingsDraftService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    TimeProvider time)
{
    /// <summary>The acting person's kept draft here, or null when there is none or they may not edit the settings.</summary>
    public async Task<KeptSettingsDraft?> ReadAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kept = await db.UnsavedSettingsDrafts.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId && d.PersonId == actingPersonId)
            .Select(d => new { d.Content, d.StartedFromVersion, d.UpdatedAt, SavedVersion = db.Organizations.Where(o => o.Id == d.OrganizationId).Select(o => o.SettingsVersion).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        return kept is null ? null : new KeptSettingsDraft(SettingsDraftContent.Deserialize(kept.Content, kept.StartedFromVersion), kept.SavedVersion, kept.UpdatedAt);
    }

    /// <summary>
    /// Keeps <paramref name="draft"/> as the acting person's, started from its <see cref="ProvisioningDraft.BaseVersion"/>;
    /// a draft that says what is saved already is no draft, and deletes the kept one. Null when done, otherwise why not.
    /// </summary>
    public async Task<Error?> KeepAsync(Guid organizationId, ProvisioningDraft draft, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var content = SettingsDraftContent.Serialize(draft);
        if (content.Length > SettingsDraftContent.MaxLength)
        {
            return new SettingsDraftTooLarge();
        }

        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var db = write.Db;
        var saved = (await ProvisioningInputLoader.LoadSavedDraftAsync(db, organizationId, cancellationToken))!;
        var kept = await db.UnsavedSettingsDrafts.SingleOrDefaultAsync(d => d.OrganizationId == organizationId && d.PersonId == actingPersonId, cancellationToken);
        if (draft.HasSameSettingsAs(saved))
        {
            if (kept is null)
            {
                return null;
            }

            db.UnsavedSettingsDrafts.Remove(kept);
            return await write.CommitAsync(cancellationToken);
        }

        if (kept is null)
        {
            kept = new UnsavedSettingsDraft { OrganizationId = organizationId, PersonId = actingPersonId };
            db.UnsavedSettingsDrafts.Add(kept);
        }

        (kept.Content, kept.StartedFromVersion, kept.UpdatedAt) = (content, draft.BaseVersion, time.GetUtcNow());
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes the acting person's kept draft here (there may be none). Null when done, otherwise why not.</summary>
    public async Task<Error?> DiscardAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        await ForgetAsync(write.Db, organizationId, actingPersonId, cancellationToken);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>In the caller's transaction (a save of the settings): the saver's draft is what was just saved.</summary>
    internal static async Task ForgetAsync(IdentityAccessDbContext db, Guid organizationId, Guid personId, CancellationToken cancellationToken) =>
        db.UnsavedSettingsDrafts.RemoveRange(await db.UnsavedSettingsDrafts
            .Where(d => d.OrganizationId == organizationId && d.PersonId == personId).ToListAsync(cancellationToken));
}
