using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Tests.TestSupport;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Query;

/// <summary>
/// What <see cref="ScimUserFilterTests"/> filter, made once per class on one app: Ann, Bob (inactive) and Cat in Acme's
/// directory, and Gus in Globex's, whom no filter through Acme's token may reach. The tests only read, so they share it.
/// </summary>
public abstract class ScimUserFilterDirectory(PortalFixture portal) : IAsyncLifetime
{
    public AcmeScimDirectory Acme { get; private set; } = default!;

    /// <summary>Ann's meta.created as the server wrote it, for a filter on the users created after her.</summary>
    public string AnnCreated { get; private set; } = "";

    public Guid GlobexUser { get; private set; }

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        Acme = await StartAsync(portal);
        var ann = await BodyAsync(await Acme.PostAsync("""
            {"userName":"fq-ann@acme.test","externalId":"ext-ann","displayName":"Ann Archer","name":{"givenName":"Ann","familyName":"Archer"},
             "emails":[{"type":"home","value":"ann@home.test"},{"type":"work","value":"fq-ann@acme.test"}]}
            """));
        AnnCreated = ann["meta"]!["created"]!.GetValue<string>();
        await Acme.PostAsync("""
            {"userName":"fq-bob@acme.test","externalId":"ext-BOB","displayName":"Bob Baker","active":false,"name":{"givenName":"Bob","familyName":"Baker"},
             "emails":[{"type":"work","value":"fq-bob@acme.test"}]}
            """);
        await Acme.PostAsync("""
            {"userName":"fq-cat@acme.test","displayName":"Cat Carter","name":{"givenName":"Cat","familyName":"Carter"},
             "emails":[{"type":"other","value":"fq-cat@acme.test"}]}
            """);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var globex = new DirectoryUser { ParentOrganizationId = portal.Demo.GlobexParent, UserName = "fq-gus@globex.test", NormalizedUserName = "FQ-GUS@GLOBEX.TEST" };
        db.DirectoryUsers.Add(globex);
        await db.SaveChangesAsync();
        GlobexUser = globex.Id;
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    public sealed class Sqlite() : ScimUserFilterDirectory(new SqlitePortalFixture());

    public sealed class Postgres() : ScimUserFilterDirectory(new PostgresPortalFixture());
}
