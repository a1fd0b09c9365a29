using System.Data.Common;
using Npgsql;

namespace IdentityAccess.Core.Persistence;

/// <summary>
/// What the app adds to a PostgreSQL connection string that does not say otherwise.
/// </summary>
/// <remarks>
/// Npgsql sends every statement unprepared by default, so the server parses and plans it on every call. EF Core's
/// SQL comes in a few hundred shapes used over and over, so each connection keeps its most used statements prepared.
/// On the 2-core development VM: SCIM creates 79 -> 111/s, a 10,000-member group PATCH 772 -> 482 ms, SSO first
/// sign-in p50 34 -> 27 ms (docs/performance.md). A connection string that names Max Auto Prepare keeps its value:
/// 0 turns it off, which a PgBouncer in transaction mode older than 1.21 needs.
/// </remarks>
internal static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 200;
    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        // Npgsql's own builder reports every keyword it knows as present, so the keys as written are read instead,
        // whichever spelling ("Max Auto Prepare", "MaxAutoPrepare") was used.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key => Normalize(key) == "maxautoprepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare, AutoPrepareMinUsages = AutoPrepareMinUsages }
            .ConnectionString;
    }

    private static string Normalize(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
