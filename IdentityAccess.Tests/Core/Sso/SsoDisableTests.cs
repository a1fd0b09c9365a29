using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>
/// Turning "Sign in with this IdP" off while people sign in through it is previewed and needs their number typed,
/// checked on the server against the count as it is at that moment.
/// </summary>
public abstract class SsoDisableTests(PortalFixture portal) : IAsyncLifetime
{
    private Guid _alice;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        _alice = portal.Demo.Person("alice@acme.test");
        // Dave and Carol have signed in through Acme's IdP; Hank of Globex has signed in through Globex's, which is not counted here.
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.SamlIdentityLinks.ExecuteDeleteAsync();
        foreach (var (parent, email) in new[] { (portal.Demo.AcmeParent, "dave@acme.test"), (portal.Demo.AcmeParent, "carol@acme.test"),
            (portal.Demo.GlobexParent, "hank@globex.test") })
        {
            db.SamlIdentityLinks.Add(new SamlIdentityLink
            {
                ParentOrganizationId = parent,
                IdpEntityId = "https://idp.example.test",
                Subject = email,
                PersonId = portal.Demo.Person(email),
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private SamlConnectionService Connections => portal.Factory.Services.GetRequiredService<SamlConnectionService>();

    private async Task<bool> EnabledAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.SamlConnections.Where(c => c.ParentOrganizationId == portal.Demo.AcmeParent).Select(c => c.Enabled).SingleAsync();
    }

    [Fact]
    public async Task PreviewDisable_CountsTheParentsPeopleWhoSignInThroughIt()
    {
        var (impact, refused) = await Connections.PreviewDisableAsync(portal.Demo.AcmeParent, _alice);

        Assert.Null(refused);
        Assert.Equal(2, impact!.PeopleSigningInThroughIdp);
        Assert.True(impact.NeedsTypedConfirmation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Disable_WithoutTheRightNumber_RefusedAndStaysOn(int? typed)
    {
        Assert.IsType<SsoDisableNotConfirmed>(await Connections.SetEnabledAsync(portal.Demo.AcmeParent, false, _alice, typed));

        Assert.True(await EnabledAsync());
    }

    [Fact]
    public async Task Disable_WithTheNumber_OffAndAudited_ThenOnAgainWithoutTyping()
    {
        Assert.Null(await Connections.SetEnabledAsync(portal.Demo.AcmeParent, false, _alice, 2));
        Assert.False(await EnabledAsync());

        Assert.Null(await Connections.SetEnabledAsync(portal.Demo.AcmeParent, true, _alice));
        Assert.True(await EnabledAsync());
    }

    [Theory]
    [InlineData("oscar@acme.test", RefusalCategory.NotAllowed)]
    [InlineData("grace@globex.test", RefusalCategory.NotFound)]
    public async Task PreviewAndDisable_AnyoneButAParentAdmin_RefusedAndStaysOn(string email, RefusalCategory expected)
    {
        var person = portal.Demo.Person(email);

        var (impact, previewRefused) = await Connections.PreviewDisableAsync(portal.Demo.AcmeParent, person);
        var refused = await Connections.SetEnabledAsync(portal.Demo.AcmeParent, false, person, 2);

        Assert.Null(impact);
        Assert.Equal((expected, expected), (previewRefused?.Category, refused?.Category));
        Assert.True(await EnabledAsync());
    }
}

public sealed class SqliteSsoDisableTests() : SsoDisableTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSsoDisableTests() : SsoDisableTests(new PostgresPortalFixture());
