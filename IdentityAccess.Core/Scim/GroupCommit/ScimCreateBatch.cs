using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Snapshots;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim.GroupCommit;

/// <summary>
/// Writes a batch of SCIM creates in one transaction: each checked as the single path checks it (ownership of the
/// address, uniqueness, also against the batch's earlier creates), the accepted ones saved together, one reconcile over
/// all of them against settings, mappings and seat pools read once, one commit. Each request then gets its own
/// outcome and its own log row: a refused create does not fail the others, and nothing is answered before the commit,
/// so a crash mid-batch loses no answered write and leaves no half of one.
/// </summary>
public sealed class ScimCreateBatch(IDbContextFactory<IdentityAccessDbContext> contexts, DirectoryReconciler reconciler, ParentSnapshots snapshots, TimeProvider time)
{
    private static readonly AuditActor _actor = AuditActor.System(SystemActors.DirectorySync);

    /// <summary>100 µs: SQLite stores a time as ticks / 1,000 (EF's DateTimeOffsetToBinaryConverter), PostgreSQL in µs.</summary>
    private const long ArrivalStep = 1_000;

    /// <summary>Throws when the batch as a whole failed (and rolled back); then no request has been answered.</summary>
    internal async Task WriteAsync(Guid parentId, IReadOnlyList<ScimCreateRequest> requests)
    {
        if (requests.Count == 0)
        {
            return;
        }

        // The batch serves many requests: no one request's cancellation may abandon the others' transaction.
        var cancellationToken = CancellationToken.None;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false; // the batch is all or nothing: a failed save fails it, and each request runs alone
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The parent's domains, settings, mappings and groups, reused from the previous batch unless their stamps moved.
        var snapshot = await snapshots.CurrentAsync(db, parentId, cancellationToken);
        var domains = snapshot?.Domains ?? await ParentDomains.LoadAsync(db, parentId, cancellationToken);
        var claims = await ScimCreateClaims.LoadAsync(db, parentId, requests.Select(r => r.Fields), cancellationToken);
        var existingPeople = await ExistingPeopleAsync(db, requests, cancellationToken);
        var outcomes = new ScimCreateOutcome[requests.Count];
        var written = new List<Written>(requests.Count);
        var now = time.GetUtcNow();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            using var notes = ProvisioningLogScope.Begin(); // this request's part, handed to its own scope after the commit
            try
            {
                await ScimUserIdentity.EnsureOwnedAsync(db, domains, request.Fields, null, cancellationToken);
                if (claims.ConflictFor(request.Fields) is { } conflict)
                {
                    throw conflict;
                }

                if (existingPeople.Contains(EmailAddress.Normalize(ScimUserIdentity.AddressOf(request.Fields))))
                {
                    // Linking a person brings the profile rules (an email another person has refuses the request): the single path's.
                    outcomes[i] = new ScimCreateOutcome.RunAlone("it links an existing person");
                    continue;
                }

                // Arrival order is creation order, 100 µs apart (the finest step SQLite's stored times keep): the seat
                // allocator serves the earliest first, as one-at-a-time writes would.
                var user = new DirectoryUser { ParentOrganizationId = parentId, UserName = request.Fields.UserName, CreatedAt = now.AddTicks(i * ArrivalStep) };
                ScimUserDocument.Store(user, request.Document, request.Fields, now);
                user.TrackDeactivation(now);
                db.DirectoryUsers.Add(user);
                claims.Claim(request.Fields, user.Id);
                ProvisioningLogNotes.UserCreated(request.Fields);
                written.Add(new Written(i, user, notes));
            }
            catch (ScimException refused)
            {
                outcomes[i] = new ScimCreateOutcome.Refused(refused);
            }
        }

        // A unique index refusing this save (a create racing another instance's) fails the batch: each then runs alone.
        await db.SaveChangesAsync(cancellationToken);
        var scope = new ReconcileScope().AddDirectoryUsers(written.Select(w => w.User.Id)).CountingChangesPerDirectoryUser();
        await reconciler.ReconcileAsync(db, parentId, _actor, scope, snapshot, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var (index, user, notes) in written)
        {
            var log = requests[index].Log;
            log?.Absorb(notes);
            log?.AddMembershipChanges(scope.ChangesOf(user.Id));
            outcomes[index] = new ScimCreateOutcome.Created(ScimUserDocument.Render(user, requests[index].BaseUrl));
        }
        for (var i = 0; i < requests.Count; i++)
        {
            requests[i].Complete(outcomes[i]);
        }
    }

    /// <summary>The batch's addresses that are already a person's (a manual member, someone re-created after a delete).</summary>
    private static async Task<HashSet<string>> ExistingPeopleAsync(IdentityAccessDbContext db, IReadOnlyList<ScimCreateRequest> requests,
        CancellationToken cancellationToken)
    {
        var addresses = requests.Select(r => EmailAddress.Normalize(ScimUserIdentity.AddressOf(r.Fields))).Distinct(StringComparer.Ordinal).ToList();
        return [.. await db.People.AsNoTracking().Where(p => addresses.Contains(p.NormalizedEmail)).Select(p => p.NormalizedEmail).ToListAsync(cancellationToken)];
    }

    private sealed record Written(int Index, DirectoryUser User, ProvisioningLogScope Notes);
}
