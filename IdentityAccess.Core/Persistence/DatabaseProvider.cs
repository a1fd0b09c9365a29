namespace IdentityAccess.Core.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, no server.</summary>
    Sqlite,

    /// <summary>For deployments that outgrow one machine.</summary>
    Postgres,
}
