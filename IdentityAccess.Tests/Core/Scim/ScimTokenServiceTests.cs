using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Scim;

public sealed class ScimTokenServiceTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private static readonly AuditActor _actor = new(null, "owner@acme.test");

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private ScimTokenService Tokens => _portal.Factory.Services.GetRequiredService<ScimTokenService>();

    private async Task<(Guid Acme, Guid Globex)> ParentsAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var parents = await db.ParentOrganizations.ToDictionaryAsync(p => p.Name, p => p.Id);
        return (parents["Acme Corporation"], parents["Globex"]);
    }

    [Fact]
    public async Task Generate_ThenAuthenticate_OpensThatParentsDirectoryOnly()
    {
        var (acme, globex) = await ParentsAsync();

        var (token, error) = await Tokens.GenerateAsync(acme, _actor);

        Assert.Null(error);
        Assert.Equal(acme, await Tokens.AuthenticateAsync(token!.Secret));
        Assert.NotEqual(globex, await Tokens.AuthenticateAsync(token.Secret));
        Assert.Null(await Tokens.AuthenticateAsync(token.Secret + "x"));
        Assert.Null(await Tokens.AuthenticateAsync("non-token")); // what Okta sends when probing
    }

    [Fact]
    public async Task Generate_StoresOnlyAHash()
    {
        var (acme, _) = await ParentsAsync();
        var (token, _) = await Tokens.GenerateAsync(acme, _actor);

        await using var db = await _portal.Factory.CreateDbContextAsync();
        var stored = await db.ScimTokens.SingleAsync();
        Assert.NotEqual(token!.Secret, stored.Hash);
        Assert.DoesNotContain(token.Secret, stored.Hash + stored.Prefix, StringComparison.Ordinal);
        Assert.Equal(64, stored.Hash.Length);
    }

    [Fact]
    public async Task Generate_ThirdWhileTwoValid_RefusedUntilOneIsRevoked()
    {
        var (acme, _) = await ParentsAsync();
        var (first, _) = await Tokens.GenerateAsync(acme, _actor);
        await Tokens.GenerateAsync(acme, _actor);

        var (third, refused) = await Tokens.GenerateAsync(acme, _actor);
        Assert.Null(third);
        Assert.IsType<TooManyActiveTokens>(refused);

        Assert.Null(await Tokens.RevokeAsync(acme, first!.Id, _actor));
        Assert.Null(await Tokens.AuthenticateAsync(first.Secret));
        Assert.Null((await Tokens.GenerateAsync(acme, _actor)).Error);
        Assert.Equal(2, (await Tokens.ListActiveAsync(acme)).Count);
    }

    [Fact]
    public async Task Revoke_TokenOfAnotherParent_NotFound()
    {
        var (acme, globex) = await ParentsAsync();
        var (token, _) = await Tokens.GenerateAsync(acme, _actor);

        Assert.IsType<TokenNotFound>(await Tokens.RevokeAsync(globex, token!.Id, _actor));
        Assert.Equal(acme, await Tokens.AuthenticateAsync(token.Secret));
    }

    [Fact]
    public async Task Authenticate_RecordsLastUsedAndAudits()
    {
        var (acme, _) = await ParentsAsync();
        var (token, _) = await Tokens.GenerateAsync(acme, _actor);

        await Tokens.AuthenticateAsync(token!.Secret);

        var listed = Assert.Single(await Tokens.ListActiveAsync(acme));
        Assert.NotNull(listed.LastUsedAt);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "scim.token_created" && e.ParentOrganizationId == acme));
    }
}
