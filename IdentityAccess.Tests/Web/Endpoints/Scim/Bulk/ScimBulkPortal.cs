using System.Globalization;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Bulk;

/// <summary>
/// The one app <see cref="ScimBulkTests"/> share per class, with the operations-per-request limit lowered to
/// <see cref="MaxOperations"/> so a test can exceed it without a huge body.
/// </summary>
public static class ScimBulkPortal
{
    public const int MaxOperations = 12;

    public sealed class Sqlite : PortalFixture
    {
        public Sqlite() => Settings["Scim:Bulk:MaxOperations"] = MaxOperations.ToString(CultureInfo.InvariantCulture);

        protected override TestDatabase CreateDatabase() => new SqliteTestDatabase();
    }

    public sealed class Postgres : PortalFixture
    {
        public Postgres() => Settings["Scim:Bulk:MaxOperations"] = MaxOperations.ToString(CultureInfo.InvariantCulture);

        protected override TestDatabase CreateDatabase() => new PostgresTestDatabase();
    }
}
