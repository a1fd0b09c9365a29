using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// <see cref="ApiKestrelPortal"/> allowed to fetch IdP metadata from private addresses, as an operator with an IdP on
/// their own network allows it, so the tests' metadata server on 127.0.0.1 can be imported from.
/// </summary>
public class ApiPrivateMetadataPortal : ApiKestrelPortal
{
    public ApiPrivateMetadataPortal()
    {
        Settings["Sso:MetadataRefresh:AllowPrivateAddresses"] = "true";
    }
}

/// <summary>The same over PostgreSQL (the server <c>IA_TEST_POSTGRES</c> names).</summary>
public sealed class PostgresApiPrivateMetadataPortal : ApiPrivateMetadataPortal
{
    protected override TestDatabase CreateDatabase() => new PostgresTestDatabase();
}
