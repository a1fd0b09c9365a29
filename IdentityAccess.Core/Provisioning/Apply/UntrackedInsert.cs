using System.Data.Common;
using System.Text;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// Inserts many rows in the caller's transaction without tracking them: one prepared INSERT built from the EF model
/// (table, columns, and each column's type mapping, so converters such as SQLite's DateTimeOffset-as-number apply
/// as on a SaveChanges) and run again with each chunk's values. Tracking 100,000 audit entries and saving them
/// through EF took most of a 100,000-person apply. The caller's own context is not saved early either, so what it
/// has pending (the settings version it checks) is still saved, and checked, by the caller. On PostgreSQL the rows
/// go in by COPY (binary) instead: a million audit entries as 10,000 statements of 100 rows took most of Sync now's
/// apply at 1M (issue 19).
/// </summary>
internal static class UntrackedInsert
{
    /// <param name="rows">Read once, in order, while they are written: a writer may build each row as it goes.</param>
    public static async Task InsertAsync<T>(IdentityAccessDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.TryGetNonEnumeratedCount(out var count) && count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Columns the database fills (a trigger-kept copy) are left to it, as SaveChanges leaves them.
        var properties = entityType.GetProperties().Where(p => p.GetBeforeSaveBehavior() != PropertySaveBehavior.Ignore).ToList();
        if (properties.Any(p => p.IsShadowProperty() || p.GetComputedColumnSql() is not null))
        {
            throw new NotSupportedException($"{typeof(T).Name} has columns this insert cannot fill.");
        }

        var columns = properties.Select(p => (Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter(), p.IsNullable)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            await CopyAsync(connection, LargeWriteTimeout.Of(db), sql, table, columns.ConvertAll(c => (c.Name, c.Mapping, c.Getter)), rows, cancellationToken);
            return;
        }

        // SQLite finds a named parameter by a linear search, so a statement of many rows costs the square of its
        // parameters; one row a statement, prepared once, is its fastest form.
        await using var command = Command(db, sql, table, columns.ConvertAll(c => (c.Name, c.Mapping, c.IsNullable)));
        var prepared = false;
        foreach (var row in rows)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                var (_, mapping, getter, _) = columns[column];
                var value = getter.GetClrValue(row);
                command.Parameters[column].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
            }

            if (!prepared)
            {
                await command.PrepareAsync(cancellationToken); // once values are set
                prepared = true;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// COPY … FROM STDIN (FORMAT BINARY) on the caller's connection, inside its transaction (a COPY joins the open
    /// transaction; its rows fire the same triggers as an INSERT). Each value is written as its column's store type,
    /// after the same converter a SaveChanges applies.
    /// </summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, TimeSpan? timeout, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var copy = new StringBuilder("COPY ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") FROM STDIN (FORMAT BINARY)").ToString();
        // "character varying(200)" is written as "character varying": the length is the column's check, not the wire's.
        var types = columns.ConvertAll(c => c.Mapping.StoreType.Split('(')[0]);
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        if (timeout is { } widened)
        {
            writer.Timeout = widened; // the command timeout EF's statements have (a large apply's, LargeWriteTimeout), not the connection string's
        }

        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            for (var column = 0; column < columns.Count; column++)
            {
                var (_, mapping, getter) = columns[column];
                var value = getter.GetClrValue(row);
                if (value is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(mapping.Converter?.ConvertToProvider(value) ?? value, types[column], cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static DbCommand Command(IdentityAccessDbContext db, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<(string Name, RelationalTypeMapping Mapping, bool IsNullable)> columns)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES (");
        for (var column = 0; column < columns.Count; column++)
        {
            var name = $"p{column}";
            command.Parameters.Add(columns[column].Mapping.CreateParameter(command, name, null, columns[column].IsNullable));
            text.Append(column == 0 ? "@" : ", @").Append(name);
        }

        command.CommandText = text.Append(')').ToString();
        return command;
    }
}
