using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Persistence;

/// <summary>
/// The model matches the last migration of each provider. Branches that each add a migration can merge without a
/// conflict and still leave the model snapshot behind the model; this catches it before a deployment would.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void Sqlite_ModelHasNoChangeWithoutAMigration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context SqliteIdentityAccessDbContext (see docs)");
    }

    [Fact]
    public void Postgres_ModelHasNoChangeWithoutAMigration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context PostgresIdentityAccessDbContext (see docs)");
    }
}
