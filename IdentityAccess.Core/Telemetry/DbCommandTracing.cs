using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdentityAccess.Core.Telemetry;

/// <summary>
/// One client span per database command, on both providers. EF Core has no ActivitySource of its own, and the
/// OpenTelemetry EF Core instrumentation is still a beta; an interceptor is a few lines and costs one check per command
/// when nobody listens. The span names the operation (SELECT, INSERT...) and the database system, never the statement's
/// text or its parameters (they hold people's addresses).
/// </summary>
public sealed class DbCommandTracing : DbCommandInterceptor
{
    public const string SourceName = "IdentityAccess.Database";

    public static readonly DbCommandTracing Instance = new();

    private static readonly ActivitySource _source = new(SourceName);

    private static readonly ConditionalWeakTable<DbCommand, Activity> _running = [];

    private DbCommandTracing()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Begin(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Begin(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Begin(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Begin(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Begin(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Begin(command, result));

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => End(command, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(End(command, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => End(command, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(End(command, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => End(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(End(command, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Fail(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Fail(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static T Begin<T>(DbCommand command, T result)
    {
        if (!_source.HasListeners())
        {
            return result;
        }

        var operation = Operation(command.CommandText);
        var system = command.GetType().Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true ? "postgresql" : "sqlite";
        if (_source.StartActivity($"{operation} {system}", ActivityKind.Client) is { } activity)
        {
            activity.SetTag("db.system.name", system).SetTag("db.operation.name", operation);
            _running.AddOrUpdate(command, activity);
        }

        return result;
    }

    private static T End<T>(DbCommand command, T result)
    {
        if (_source.HasListeners() && _running.TryGetValue(command, out var activity))
        {
            _running.Remove(command);
            activity.Stop();
        }

        return result;
    }

    private static void Fail(DbCommand command, Exception exception)
    {
        if (_running.TryGetValue(command, out var activity))
        {
            _running.Remove(command);
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name).SetTag("error.type", exception.GetType().FullName);
            activity.Stop();
        }
    }

    /// <summary>The statement's first keyword (a batch of several reports its first), upper case.</summary>
    internal static string Operation(string? sql)
    {
        var text = (sql ?? "").AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end == 0 ? "SQL" : text[..end].ToString().ToUpperInvariant();
    }
}
