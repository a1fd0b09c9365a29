using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdentityAccess.Core.Persistence;

// `dotnet ef migrations add` builds the model through these; they connect to nothing.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityAccessDbContext>
{
    public SqliteIdentityAccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityAccessDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIdentityAccessDbContext>
{
    public PostgresIdentityAccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityAccessDbContext>().UseNpgsql("Host=design-time").Options);
}
