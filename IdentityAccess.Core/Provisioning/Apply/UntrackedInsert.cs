using System.Data.Common;
using System.Text;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// Inserts many rows in the caller's transaction without tracking them: one prepared INSERT built from the EF model
/// (table, columns, and each column's type mapping, so converters such as SQLite's DateTimeOffset-as-number apply
/// as on a SaveChanges) and run again with each chunk's values. Tracking 100,000 audit entries and saving them
/// through EF took most of a 100,000-person apply. The caller's own context is not saved early either, so what it
/// has pending (the settings version it checks) is still saved, and checked, by the caller.
/// </summary>
internal static class UntrackedInsert
{
    public static async Task InsertAsync<T>(IdentityAccessDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
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
        // SQLite finds a named parameter by a linear search, so a statement of many rows costs the square of its
        // parameters; one row a statement, prepared once, is its fastest form. PostgreSQL pays a round trip per
        // statement instead, so it takes 100 rows (about 1,000 parameters) at a time.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : 100;
        var sql = db.GetService<ISqlGenerationHelper>();
        DbCommand? command = null;
        var prepared = false;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = Command(db, sql, table, columns.ConvertAll(c => (c.Name, c.Mapping, c.IsNullable)), chunk.Length);
                    prepared = false;
                }

                for (var row = 0; row < chunk.Length; row++)
                {
                    for (var column = 0; column < columns.Count; column++)
                    {
                        var (_, mapping, getter, _) = columns[column];
                        var value = getter.GetClrValue(chunk[row]);
                        command.Parameters[(row * columns.Count) + column].Value =
                            (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                    }
                }

                if (!prepared)
                {
                    await command.PrepareAsync(cancellationToken); // once values are set: Npgsql prepares by their types
                    prepared = true;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static DbCommand Command(IdentityAccessDbContext db, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<(string Name, RelationalTypeMapping Mapping, bool IsNullable)> columns, int rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Count; column++)
            {
                var name = $"p{(row * columns.Count) + column}";
                command.Parameters.Add(columns[column].Mapping.CreateParameter(command, name, null, columns[column].IsNullable));
                text.Append(column == 0 ? "@" : ", @").Append(name);
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }
}
