using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Input;

/// <summary>
/// The one app <see cref="ScimInputRulesTests"/> share per class, with the members-per-request limit lowered to 3 so a
/// test can exceed it with four members.
/// </summary>
public static class ScimInputRulesPortal
{
    public sealed class Sqlite : PortalFixture
    {
        public Sqlite() => Settings["Scim:Input:MaxMembersPerRequest"] = "3";

        protected override TestDatabase CreateDatabase() => new SqliteTestDatabase();
    }

    public sealed class Postgres : PortalFixture
    {
        public Postgres() => Settings["Scim:Input:MaxMembersPerRequest"] = "3";

        protected override TestDatabase CreateDatabase() => new PostgresTestDatabase();
    }
}
