namespace IdentityAccess.Core.Persistence;

public enum DatabaseProblemKind
{
    /// <summary>The SQLite file, or the PostgreSQL database, does not exist: creating it is a deliberate step.</summary>
    Missing,

    /// <summary>The server does not answer or refuses the connection, or the connection string cannot be read.</summary>
    Unreachable,
}
