using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Holds the app's reads while a test says so, for what a page does while its work takes long (progress shown, Cancel
/// taken): once armed with <see cref="Hold"/>, every query the app starts waits until <see cref="Release"/>, or until
/// its own CancellationToken is cancelled, which is how a test sees a Cancel reach the database call. Inert otherwise.
/// </summary>
public sealed class HeldQueries : DbCommandInterceptor
{
    private volatile TaskCompletionSource? _hold;
    private int _waiting;
    private int _cancelled;

    /// <summary>Queries waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Queries whose wait ended because their CancellationToken was cancelled.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_hold is { } hold)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return result;
    }
}
