using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Organizations;

/// <summary>
/// The sibling-organization takeover: an Admin of one organization under a parent, or a chat Admin, against
/// every action on what the parent owns. Each is refused as not allowed and changes nothing (rows and audit); the admin
/// of another parent learns nothing (not found); Acme's parent admin does all of them.
/// </summary>
public abstract class ParentWideActionsTests : IAsyncLifetime
{
    private readonly PortalFixture _portal;
    private readonly ParentWideActions _actions;

    protected ParentWideActionsTests(PortalFixture portal)
    {
        // Domain verification asks a DNS server: one that answers nothing, at once, keeps the tests off the network.
        portal.Settings["Sso:Dns:Servers:0"] = "127.0.0.1:9";
        portal.Settings["Sso:Dns:TimeoutSeconds"] = "1";
        (_portal, _actions) = (portal, new ParentWideActions(portal));
    }

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        await _actions.ArrangeAsync();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Theory]
    [InlineData("oscar@acme.test", RefusalCategory.NotAllowed)] // Admin of Acme Labs, a sibling Console organization, not a parent admin
    [InlineData("bob@acme.test", RefusalCategory.NotAllowed)]   // chat Admin of Acme, not its top role
    [InlineData("carol@acme.test", RefusalCategory.NotAllowed)] // chat User of Acme
    [InlineData("grace@globex.test", RefusalCategory.NotFound)] // parent admin of Globex: Acme's parent is none of her business
    public async Task EveryParentWideAction_ByAnyoneButItsParentAdmins_RefusedAndNothingChanged(string email, RefusalCategory expected)
    {
        var before = await _actions.SnapshotAsync();

        foreach (var (action, run) in _actions.As(_portal.Demo.Person(email)))
        {
            var refused = await run();
            Assert.True(refused is not null, $"{email} could {action}.");
            Assert.True(expected == refused.Category, $"{action} by {email}: {refused.Category} ({refused.Message})");
            if (expected == RefusalCategory.NotAllowed)
            {
                Assert.IsType<AccessRefused>(refused);
                Assert.Contains("the parent organization's admins", refused.Message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await _actions.SnapshotAsync());
    }

    [Fact]
    public async Task EveryParentWideAction_ByTheParentAdmin_Allowed()
    {
        var alice = _portal.Demo.Person("alice@acme.test");

        foreach (var (action, run) in _actions.As(alice))
        {
            var outcome = await run();
            // Verifying asks DNS, which has no such record here; declining after approving finds the request decided. Neither is a refusal of Alice.
            // Nor is a metadata URL that answers nothing (127.0.0.1:9, refused by the address guard besides).
            Assert.True(outcome is null or ValidationFailed { Field: "domain" } or JoinRequestNotFound or IdentityAccess.Core.Sso.Metadata.MetadataFetchFailed,
                $"Alice could not {action}: {outcome?.Message}");
        }

        await using var db = await _portal.Factory.CreateDbContextAsync();
        foreach (var action in new[] { "scim.token_created", "scim.token_revoked", "sso.metadata-imported", "sso.metadata-rolled-back", "sso.metadata-url-removed", "sso.disabled", "sso.idp-initiated-allowed", "sso.attribute-names-changed", "sso.signin-group-renamed", "domain.removed",
            "scim.sync_now", "organization.joined_parent", "parent.admin_granted", "parent.admin_revoked", "parent.plan_changed" })
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == action && e.ActorPersonId == alice), action);
        }
    }
}

public sealed class SqliteParentWideActionsTests() : ParentWideActionsTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresParentWideActionsTests() : ParentWideActionsTests(new PostgresPortalFixture());
