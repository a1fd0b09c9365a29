using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim.GroupCommit;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// SCIM Users of one parent's directory. Every write, the profile change it brings to the person the directory owns,
/// and the membership changes it causes are saved in one transaction, or nothing is; a uniqueness race surfaces as
/// 409, never as a 500. A directory only touches people of its parent's verified domains (<see cref="ScimUserIdentity"/>).
/// </summary>
public sealed class ScimUserService(IDbContextFactory<IdentityAccessDbContext> contexts, DirectoryReconciler reconciler, AuditLog audit, TimeProvider time,
    ScimCreateQueue creates)
{
    private static readonly AuditActor _actor = AuditActor.System(SystemActors.DirectorySync);

    /// <summary>
    /// Creates go through the directory's group commit (<see cref="ScimCreateQueue"/>): concurrent ones share a
    /// transaction and a reconcile. A malformed document is refused here, before queueing; a create the batch cannot
    /// take (it links an existing person, or the batch failed) runs alone, as every write did before.
    /// </summary>
    public async Task<JsonObject> CreateAsync(Guid parentId, JsonObject body, string baseUrl, CancellationToken cancellationToken = default)
    {
        var document = ScimUserDocument.Sanitize(body);
        var fields = ScimUserFields.From(document);
        var outcome = await creates.SubmitAsync(parentId, new ScimCreateRequest(document, fields, baseUrl, ProvisioningLogScope.Current, cancellationToken));
        return outcome switch
        {
            ScimCreateOutcome.Created created => created.Resource,
            ScimCreateOutcome.Refused refused => throw refused.Error,
            _ => await CreateAloneAsync(parentId, document, fields, baseUrl, cancellationToken),
        };
    }

    private async Task<JsonObject> CreateAloneAsync(Guid parentId, JsonObject document, ScimUserFields fields, string baseUrl, CancellationToken cancellationToken) =>
        await WriteAsync(parentId, baseUrl, async (db, domains) =>
        {
            await ScimUserIdentity.EnsureOwnedAsync(db, domains, fields, null, cancellationToken);
            await ScimUserUniqueness.EnsureUniqueAsync(db, parentId, fields, null, cancellationToken);
            var now = time.GetUtcNow();
            var user = new DirectoryUser { ParentOrganizationId = parentId, UserName = fields.UserName, CreatedAt = now };
            ScimUserDocument.Store(user, document, fields, now);
            db.DirectoryUsers.Add(user);
            ProvisioningLogNotes.UserCreated(fields);
            return user;
        }, cancellationToken);

    /// <param name="ifMatch">The If-Match header (or a Bulk operation's version): refused with 412 unless it names the current version.</param>
    public async Task<JsonObject> ReplaceAsync(Guid parentId, Guid id, JsonObject body, string baseUrl, string? ifMatch = null,
        CancellationToken cancellationToken = default)
    {
        var document = ScimUserDocument.Sanitize(body);
        var fields = ScimUserFields.From(document);
        return await WriteAsync(parentId, baseUrl, async (db, domains) =>
        {
            var user = await FindForWriteAsync(db, parentId, id, ifMatch, cancellationToken);
            await ScimUserIdentity.EnsureOwnedAsync(db, domains, fields, user, cancellationToken);
            await ScimUserUniqueness.EnsureUniqueAsync(db, parentId, fields, id, cancellationToken);
            ProvisioningLogNotes.UserChanged(LogPhraseCode.UserReplaced, user, fields);
            ScimUserDocument.Store(user, document, fields, time.GetUtcNow());
            return user;
        }, cancellationToken);
    }

    public async Task<JsonObject> PatchAsync(Guid parentId, Guid id, JsonObject patch, string baseUrl, string? ifMatch = null,
        CancellationToken cancellationToken = default) =>
        await WriteAsync(parentId, baseUrl, async (db, domains) =>
        {
            var user = await FindForWriteAsync(db, parentId, id, ifMatch, cancellationToken);
            var document = ScimPatch.Apply(ScimUserDocument.Load(user), patch);
            var fields = ScimUserFields.From(document);
            await ScimUserIdentity.EnsureOwnedAsync(db, domains, fields, user, cancellationToken);
            await ScimUserUniqueness.EnsureUniqueAsync(db, parentId, fields, id, cancellationToken);
            ProvisioningLogNotes.UserChanged(LogPhraseCode.UserUpdated, user, fields);
            ScimUserDocument.Store(user, document, fields, time.GetUtcNow());
            return user;
        }, cancellationToken);

    /// <summary>Removes the directory user; sync then removes the memberships it granted. The audit trail stays.</summary>
    public async Task DeleteAsync(Guid parentId, Guid id, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await FindForWriteAsync(db, parentId, id, ifMatch, cancellationToken);
        ProvisioningLogNotes.UserDeleted(user);
        db.DirectoryUsers.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        await reconciler.ReconcileAsync(db, parentId, _actor, new ReconcileScope().AddDirectoryUser(user.Id, user.PersonId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<JsonObject> GetAsync(Guid parentId, Guid id, string baseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ScimUserDocument.Render(await FindAsync(db, parentId, id, cancellationToken), baseUrl);
    }

    /// <summary>One page of the parent's users matching the filter, in SQL: the parent's condition comes first and the filter is
    /// ANDed to it, so no filter (an id, an or) reaches another parent's users.</summary>
    public async Task<(IReadOnlyList<JsonObject> Page, int Total)> ListAsync(Guid parentId, ScimListQuery query, string baseUrl,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = ScimUserQuery.Filter(db.DirectoryUsers.AsNoTracking().Where(u => u.ParentOrganizationId == parentId), query.Filter);
        // Ordered before counting, so a bad sortBy is refused even when count=0.
        var ordered = ScimUserQuery.Sort(users, query.SortBy, query.Descending);
        var total = await users.CountAsync(cancellationToken);
        if (query.Count == 0)
        {
            return ([], total);
        }

        // A stable order ending with the id, so a client walking startIndex += count sees everyone once.
        var page = await ordered.Skip(query.StartIndex - 1).Take(query.Count).ToListAsync(cancellationToken);
        return ([.. page.Select(u => ScimUserDocument.Render(u, baseUrl))], total);
    }

    private async Task<JsonObject> WriteAsync(Guid parentId, string baseUrl, Func<IdentityAccessDbContext, ParentDomains, Task<DirectoryUser>> write,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var domains = await ParentDomains.LoadAsync(db, parentId, cancellationToken);
        var user = await write(db, domains);
        user.TrackDeactivation(time.GetUtcNow()); // the removal grace period counts from the first active=false
        // A person the directory user already is (same email), such as a manual member or someone re-created after a
        // delete: linked now (audited), so sync sees their memberships, and anything held back for them, from this request on.
        var person = user.PersonId is { } linked ? await db.People.FindAsync([linked], cancellationToken) : null;
        if (person is null && await DirectoryPeople.LinkExistingAsync(db, domains, user, ScimUserIdentity.AddressOf(user), audit, _actor, cancellationToken) is { } existing)
        {
            ProvisioningLogNotes.LinkedToPerson(existing.Email);
            person = existing;
        }

        if (person is not null)
        {
            await UpdateProfileAsync(db, domains, user, person, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A unique index caught a concurrent write of the same userName or externalId.
            throw await ScimUserUniqueness.RaceLostAsync(contexts, parentId, new ScimUserFields(user.UserName, user.ExternalId, null, null, user.Active),
                user.Id, cancellationToken);
        }

        await reconciler.ReconcileAsync(db, parentId, _actor, new ReconcileScope().AddDirectoryUser(user.Id, user.PersonId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ScimUserDocument.Render(user, baseUrl);
    }

    /// <summary>
    /// The name and email the IdP now states reach the person the directory owns. An email another person has refuses
    /// the whole request (409): the user's directory entry and the person would otherwise disagree about who they are.
    /// </summary>
    private async Task UpdateProfileAsync(IdentityAccessDbContext db, ParentDomains domains, DirectoryUser user, Person person, CancellationToken cancellationToken)
    {
        var address = ScimUserIdentity.AddressOf(user);
        var change = await DirectoryProfile.ApplyAsync(db, person, domains, user.DisplayName, address, audit, _actor, cancellationToken);
        if (change.EmailRefused == ProfileEmailRefusal.UsedByAnotherPerson)
        {
            throw ScimException.Uniqueness($"The email {address} is already another person's, so {person.Email} cannot change to it. " +
                "Correct the user's email in the identity provider.");
        }

        if (change.Changed)
        {
            ProvisioningLogNotes.ProfileUpdated(person.Email, change);
        }
    }

    private static async Task<DirectoryUser> FindForWriteAsync(IdentityAccessDbContext db, Guid parentId, Guid id, string? ifMatch,
        CancellationToken cancellationToken)
    {
        await ScimVersionClaim.RaiseAsync(db.DirectoryUsers.Where(u => u.Id == id && u.ParentOrganizationId == parentId), u => u.Version, ifMatch, "user",
            cancellationToken);
        return await FindAsync(db, parentId, id, cancellationToken);
    }

    private static async Task<DirectoryUser> FindAsync(IdentityAccessDbContext db, Guid parentId, Guid id, CancellationToken cancellationToken) =>
        await db.DirectoryUsers.SingleOrDefaultAsync(u => u.Id == id && u.ParentOrganizationId == parentId, cancellationToken)
        ?? throw ScimException.NotFound($"User {id}");
}
