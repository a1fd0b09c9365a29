using System.Data.Common;
using IdentityAccess.Core.Persistence;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// The database a command runs on. The portal creates a missing database at start; the command line does not: a
/// mistyped SQLite path would otherwise become a new, empty file that answers "no parent organization". Only
/// <c>operator migrate</c> creates it, deliberately.
/// </summary>
internal static class OperatorDatabase
{
    private const string CreateHint = " Check Database:ConnectionString (or Database__ConnectionString), or create it with 'operator migrate'.";

    public static OperatorCommand Migrate { get; } = new(MigrateAsync, OperatorDatabaseUse.CreateIfMissing);

    /// <summary>Null when the command may run; otherwise its exit code, after saying why.</summary>
    public static async Task<int?> PrepareAsync(OperatorContext context, OperatorDatabaseUse use)
    {
        if (use == OperatorDatabaseUse.None)
        {
            return null;
        }

        switch (await context.Get<DatabasePresence>().CheckAsync())
        {
            case { Kind: DatabaseProblemKind.Unreachable } unreachable:
                return await context.Console.FailAsync(OperatorExitCodes.DatabaseUnavailable, "database-unreachable", unreachable.Message);
            case { Kind: DatabaseProblemKind.Missing } missing when use == OperatorDatabaseUse.Existing:
                return await context.Console.FailAsync(OperatorExitCodes.DatabaseUnavailable, "database-missing", missing.Message + CreateHint);
        }

        if (use == OperatorDatabaseUse.CreateIfMissing)
        {
            return null; // migrate applies them itself and says how many
        }

        // Pending migrations are applied as the portal's start applies them, so a command run after an upgrade sees the
        // schema it was built for.
        return await TryMigrateAsync(context) is null ? OperatorExitCodes.DatabaseUnavailable : null;
    }

    private static async Task<int> MigrateAsync(OperatorContext context)
    {
        if (await TryMigrateAsync(context) is not { } applied)
        {
            return OperatorExitCodes.DatabaseUnavailable;
        }

        return await context.Console.AnswerAsync(new { result = "migrated", appliedMigrations = applied },
            $"Database ready: {applied} migration{(applied == 1 ? "" : "s")} applied.");
    }

    /// <summary>The number of migrations applied; null after saying why the database could not be used.</summary>
    private static async Task<int?> TryMigrateAsync(OperatorContext context)
    {
        try
        {
            return await context.Get<DatabaseMigrator>().MigrateAsync();
        }
        catch (DbException unusable)
        {
            // A file that is not a database, a folder, a server that refused us: said in a sentence, not a stack trace.
            await context.Console.FailAsync(OperatorExitCodes.DatabaseUnavailable, "database-unusable", $"The database cannot be used: {unusable.Message}");
            return null;
        }
    }
}
