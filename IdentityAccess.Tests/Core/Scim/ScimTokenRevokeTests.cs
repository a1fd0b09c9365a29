using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>
/// Revoking the directory's last token while organizations are in directory-sync mode stops every change from the
/// IdP: it is previewed, and refused on the server unless the token's prefix is typed.
/// </summary>
public abstract class ScimTokenRevokeTests(PortalFixture portal) : IAsyncLifetime
{
    private Guid _alice;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        _alice = portal.Demo.Person("alice@acme.test");
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.ScimTokens.ExecuteDeleteAsync(); // each test makes the tokens it needs
        await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).ExecuteUpdateAsync(set => set.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Scim));
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private ScimSetupService Setup => portal.Factory.Services.GetRequiredService<ScimSetupService>();

    private async Task<GeneratedScimToken> TokenAsync() =>
        (await portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(portal.Demo.AcmeParent, AuditActor.System("Test set-up"))).Token!;

    private async Task<bool> ActiveAsync(Guid id)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ScimTokens.AnyAsync(t => t.Id == id && t.RevokedAt == null);
    }

    [Fact]
    public async Task LastToken_WithoutItsPrefix_PreviewSaysWhatStops_AndRevokeIsRefused()
    {
        var token = await TokenAsync();

        var (impact, _) = await Setup.PreviewRevokeAsync(portal.Demo.AcmeParent, token.Id, _alice);
        var refused = await Setup.RevokeAsync(portal.Demo.AcmeParent, token.Id, _alice, "ia_scim_wrong");

        Assert.True(impact!.IsLastToken);
        Assert.Contains("Acme", impact.OrganizationsInScimMode);
        Assert.True(impact.NeedsTypedConfirmation);
        Assert.IsType<TokenRevokeNotConfirmed>(refused.Error);
        Assert.True(await ActiveAsync(token.Id));
    }

    [Fact]
    public async Task LastToken_WithItsPrefix_Revoked()
    {
        var token = await TokenAsync();

        Assert.Null((await Setup.RevokeAsync(portal.Demo.AcmeParent, token.Id, _alice, token.Prefix)).Error);

        Assert.False(await ActiveAsync(token.Id));
    }

    [Fact]
    public async Task OneOfTwoTokens_RevokedWithoutTyping()
    {
        var old = await TokenAsync();
        await TokenAsync();

        Assert.Null((await Setup.RevokeAsync(portal.Demo.AcmeParent, old.Id, _alice)).Error);

        Assert.False(await ActiveAsync(old.Id));
    }

    [Fact]
    public async Task BothTokensRevokedAtOnceWithoutTyping_AtMostOneGoes_TheDirectoryKeepsAToken()
    {
        var first = await TokenAsync();
        var second = await TokenAsync();

        var outcomes = await Task.WhenAll(Setup.RevokeAsync(portal.Demo.AcmeParent, first.Id, _alice), Setup.RevokeAsync(portal.Demo.AcmeParent, second.Id, _alice));

        Assert.Single(outcomes, o => o.Error is null);
        Assert.Single(outcomes, o => o.Error is TokenRevokeNotConfirmed);
        Assert.True(await ActiveAsync(first.Id) || await ActiveAsync(second.Id));
    }

    [Theory]
    [InlineData("oscar@acme.test", RefusalCategory.NotAllowed)]
    [InlineData("grace@globex.test", RefusalCategory.NotFound)]
    public async Task PreviewAndRevoke_AnyoneButAParentAdmin_RefusedAndTheTokenKept(string email, RefusalCategory expected)
    {
        var token = await TokenAsync();
        var person = portal.Demo.Person(email);

        var (impact, previewRefused) = await Setup.PreviewRevokeAsync(portal.Demo.AcmeParent, token.Id, person);
        var revokeRefused = (await Setup.RevokeAsync(portal.Demo.AcmeParent, token.Id, person, token.Prefix)).Error;

        Assert.Null(impact);
        Assert.Equal((expected, expected), (previewRefused?.Category, revokeRefused?.Category));
        Assert.True(await ActiveAsync(token.Id));
    }
}

public sealed class SqliteScimTokenRevokeTests() : ScimTokenRevokeTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimTokenRevokeTests() : ScimTokenRevokeTests(new PostgresPortalFixture());
