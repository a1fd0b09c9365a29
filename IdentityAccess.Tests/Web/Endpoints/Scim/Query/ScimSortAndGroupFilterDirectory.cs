using System.Net;
using IdentityAccess.Tests.TestSupport;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Query;

/// <summary>
/// What <see cref="ScimSortAndGroupFilterTests"/> sort and filter, made once per class on one app: Ann, Bob (inactive),
/// Cat and Dan (no family name) in Acme's directory, and the groups FS Alpha (Ann), FS Beta (Bob) and FS Gamma (empty).
/// The tests only read, so they share it.
/// </summary>
public abstract class ScimSortAndGroupFilterDirectory(PortalFixture portal) : IAsyncLifetime
{
    private readonly Dictionary<string, string> _users = [];

    public PortalFixture Portal => portal;

    public AcmeScimDirectory Acme { get; private set; } = default!;

    /// <summary>The SCIM id of each user by first name (ann, bob, cat, dan).</summary>
    public IReadOnlyDictionary<string, string> Users => _users;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        Acme = await StartAsync(portal);
        foreach (var (name, family, active) in new[] { ("ann", "Archer", true), ("bob", "Baker", false), ("cat", "Carter", true), ("dan", null, true) })
        {
            var familyJson = family is null ? "" : $$""","name":{"familyName":"{{family}}"}""";
            var created = await Acme.PostAsync($$"""{"userName":"fs-{{name}}@acme.test","active":{{(active ? "true" : "false")}}{{familyJson}}}""");
            _users[name] = (await BodyAsync(created))["id"]!.GetValue<string>();
        }

        foreach (var (group, members) in new[] { ("FS Alpha", "ann"), ("FS Beta", "bob"), ("FS Gamma", "") })
        {
            var value = members.Length == 0 ? "[]" : $$"""[{"value":"{{_users[members]}}"}]""";
            var created = await Acme.Client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim($$"""{"displayName":"{{group}}","externalId":"ext-{{group[3..]}}","members":{{value}}}"""));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    public sealed class Sqlite() : ScimSortAndGroupFilterDirectory(new SqlitePortalFixture());

    public sealed class Postgres() : ScimSortAndGroupFilterDirectory(new PostgresPortalFixture());
}
