using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IdentityAccess.Core.Persistence;

public sealed class SqliteIdentityAccessDbContext(DbContextOptions<SqliteIdentityAccessDbContext> options)
    : IdentityAccessDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date type: as text, DateTimeOffset cannot be compared or ordered in SQL. All our times are
        // UTC, and the binary form keeps their order.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
