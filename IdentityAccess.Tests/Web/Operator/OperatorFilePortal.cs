using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Operator;

/// <summary>The app for the operator's tests on a SQLite file, as the default deployment's database is.</summary>
public sealed class OperatorFilePortal : PortalFixture
{
    public OperatorFilePortal() => Settings["Portal:PublicBaseUrl"] = "https://portal.example.test";

    protected override TestDatabase CreateDatabase() => new SqliteFileTestDatabase();
}
