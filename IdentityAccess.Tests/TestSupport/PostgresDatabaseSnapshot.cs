using Npgsql;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Every row of a PostgreSQL test database's tables, in binary COPY form, kept in memory. Putting it back empties each
/// table and copies the rows in, in one transaction with triggers off (<c>session_replication_role = replica</c>, which
/// the test server's superuser may set): the trigger-kept columns and counters (configuration stamps, seats held) come
/// back exactly as taken instead of being recomputed, and foreign keys need no order. Sequences are not put back: they
/// only move forward, so a configuration stamp handed out after a restore can never equal one an app cached before it.
/// Only rows come back: when a test changed the schema (a trigger that injects a failure, say), the restore says so and
/// the app is not reused.
/// </summary>
internal sealed class PostgresDatabaseSnapshot : DatabaseSnapshot
{
    private readonly string _connectionString;
    private readonly IReadOnlyList<(string Table, byte[] Rows)> _tables;
    private readonly string _schema;

    private PostgresDatabaseSnapshot(string connectionString, IReadOnlyList<(string, byte[])> tables, string schema) =>
        (_connectionString, _tables, _schema) = (connectionString, tables, schema);

    public static async Task<PostgresDatabaseSnapshot> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<(string, byte[])>();
        foreach (var table in await TablesAsync(connection))
        {
            using var rows = new MemoryStream();
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} TO STDOUT (FORMAT BINARY)"))
            {
                await copy.CopyToAsync(rows);
            }

            tables.Add((table, rows.ToArray()));
        }

        return new PostgresDatabaseSnapshot(connectionString, tables, await SchemaAsync(connection));
    }

    public override async Task<bool> RestoreAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        if (await SchemaAsync(connection) != _schema)
        {
            return false;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        var empty = "SET LOCAL session_replication_role = replica; " + string.Concat(_tables.Select(t => $"DELETE FROM {t.Table}; "));
        await using (var command = new NpgsqlCommand(empty, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        foreach (var (table, rows) in _tables)
        {
            await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
            await copy.WriteAsync(rows);
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>A digest of the tables, columns, indexes, triggers and functions outside PostgreSQL's own schemas.</summary>
    private static async Task<string> SchemaAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT md5(coalesce(string_agg(item, ',' ORDER BY item), '')) FROM (
                SELECT format('r %s %s %s', n.nspname, c.relname, c.relkind) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                UNION ALL SELECT format('a %s %s %s', a.attrelid::regclass, a.attname, a.atttypid) FROM pg_attribute a
                    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                UNION ALL SELECT format('t %s %s %s', t.tgrelid::regclass, t.tgname, t.tgenabled) FROM pg_trigger t WHERE NOT t.tgisinternal
                UNION ALL SELECT format('f %s %s', p.proname, md5(p.prosrc)) FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
            ) AS schema(item)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '__EFMigrationsHistory'
            ORDER BY 1
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
