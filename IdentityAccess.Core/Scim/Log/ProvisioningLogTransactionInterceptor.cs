using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// Tells the current <see cref="ProvisioningLogScope"/> when a transaction starts, commits or rolls back, so a
/// SCIM request's log summary holds only what was committed. Registered on every context; a no-op outside a SCIM
/// request.
/// </summary>
internal sealed class ProvisioningLogTransactionInterceptor : DbTransactionInterceptor
{
    public static ProvisioningLogTransactionInterceptor Instance { get; } = new();

    private ProvisioningLogTransactionInterceptor()
    {
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ProvisioningLogScope.Current?.TransactionStarted();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        ProvisioningLogScope.Current?.TransactionStarted();
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        ProvisioningLogScope.Current?.TransactionCommitted();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ProvisioningLogScope.Current?.TransactionCommitted();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        ProvisioningLogScope.Current?.TransactionRolledBack();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ProvisioningLogScope.Current?.TransactionRolledBack();
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        ProvisioningLogScope.Current?.TransactionRolledBack();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ProvisioningLogScope.Current?.TransactionRolledBack();
        return Task.CompletedTask;
    }
}
