using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The ACS's one transaction: the login state consumed, the replay entry, the identity link, JIT provisioning, the
/// audit entries and the sign-in commit together (one commit instead of four, one connection, one write turn on
/// SQLite). What must never be usable twice stays consumed whatever happens after validation: a refusal commits
/// the state and the replay entry with its audit entry, and a sign-in that fails on the server is rolled back to
/// the savepoint taken after validation, and that is committed before the error goes on.
/// </summary>
internal sealed class AcsTransaction(IdentityAccessDbContext db, IDbContextTransaction transaction)
{
    private const string Validated = "saml_validated";
    private bool _validated;

    public IdentityAccessDbContext Db => db;

    /// <summary>After the state is consumed and the Response (with its replay entry) accepted, before the sign-in writes.</summary>
    public async Task MarkValidatedAsync(CancellationToken cancellationToken)
    {
        await transaction.CreateSavepointAsync(Validated, cancellationToken);
        _validated = true;
        // Every failure from here rolls back to this savepoint, so EF's own savepoint around each save (two more
        // statements each) adds nothing.
        db.Database.AutoSavepointsEnabled = false;
    }

    /// <summary>Undoes the sign-in's writes, keeping the consumed state and the replay entry.</summary>
    public async Task UndoSignInAsync(CancellationToken cancellationToken)
    {
        await transaction.RollbackToSavepointAsync(Validated, cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    /// <summary>
    /// After an exception: commits the state and the replay entry without the failed sign-in. False when the failure
    /// came before validation finished or the database refuses even that; the transaction is then rolled back.
    /// </summary>
    public async Task<bool> KeepConsumedAfterFailureAsync()
    {
        try
        {
            if (_validated)
            {
                await UndoSignInAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                return true;
            }
        }
        catch (Exception)
        {
            // Reported by the caller's own exception; this only decides the fallback.
        }

        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // Disposing the transaction rolls it back as well.
        }

        return false;
    }
}
