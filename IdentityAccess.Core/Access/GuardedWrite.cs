using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Access;

/// <summary>
/// One guarded command's unit of work, opened by <see cref="GuardedWrites"/>: its context, its transaction holding the
/// organization's (or parent's) lock, and the acting person's roles read under that lock. When <see cref="Refusal"/> is
/// set nothing may be written: the command returns it. Otherwise the command changes what it must, records its audit
/// event in <see cref="Db"/>, and calls <see cref="CommitAsync"/>: both are saved, or neither.
/// </summary>
public sealed class GuardedWrite : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;

    internal GuardedWrite(IdentityAccessDbContext db, IDbContextTransaction transaction, OrganizationSummary? organization, ParentSummary? parent,
        ActingRoles? roles, AuditActor? actor, Error? refusal)
    {
        (Db, _transaction, Organization, Parent, Roles, _actor, Refusal) = (db, transaction, organization, parent, roles, actor, refusal);
    }

    private readonly AuditActor? _actor;

    public IdentityAccessDbContext Db { get; }

    /// <summary>The organization, for an organization-scoped command; null for a parent-scoped one.</summary>
    public OrganizationSummary? Organization { get; }

    public ParentSummary? Parent { get; }

    public ActingRoles? Roles { get; }

    public Error? Refusal { get; }

    /// <summary>The acting person as the audit log names them, read from the database (only when granted).</summary>
    public AuditActor Actor => _actor ?? throw new InvalidOperationException("A refused command has no actor.");

    public Guid ParentId => Organization?.ParentId ?? Parent!.Id;

    /// <summary>Saves and commits; a unique index or concurrency token tripped by a simultaneous change is reported, not thrown.</summary>
    public async Task<Error?> CommitAsync(CancellationToken cancellationToken = default)
    {
        if (Refusal is not null)
        {
            throw new InvalidOperationException("A refused command cannot commit.");
        }

        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            await _transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return new ChangedMeanwhile();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
