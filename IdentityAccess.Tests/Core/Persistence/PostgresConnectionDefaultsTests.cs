using IdentityAccess.Core.Persistence;
using Npgsql;

namespace IdentityAccess.Tests.Core.Persistence;

/// <summary>PostgreSQL connections prepare their most used statements unless the connection string says otherwise.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Apply_NotSaid_PreparesTheMostUsedStatementsAndKeepsTheRest()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db.internal;Database=ia;Username=ia;Password=secret;Maximum Pool Size=50"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionDefaults.AutoPrepareMinUsages, applied.AutoPrepareMinUsages);
        Assert.Equal(("db.internal", "ia", "ia", "secret", 50), (applied.Host, applied.Database, applied.Username, applied.Password, applied.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    [InlineData("Host=db;max auto prepare=0")]
    public void Apply_TurnedOffByTheOperator_StaysOff(string connectionString)
    {
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).MaxAutoPrepare);
    }
}
