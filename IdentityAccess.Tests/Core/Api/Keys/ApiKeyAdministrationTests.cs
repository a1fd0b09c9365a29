using IdentityAccess.Core.Access;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Api.Keys;

/// <summary>A parent's API keys: created, listed and revoked by its admins only, audited, the secret stored as a hash.</summary>
public abstract class ApiKeyAdministrationTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private ApiKeyAdministration Keys => portal.Factory.Services.GetRequiredService<ApiKeyAdministration>();

    private ApiKeyAuthentication Authentication => portal.Factory.Services.GetRequiredService<ApiKeyAuthentication>();

    private Guid Acme => portal.Demo.AcmeParent;

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    private static NewApiKey Request(string name = "deploy", ApiKeyScope scope = ApiKeyScope.ReadOnly, params Guid[] organizations) =>
        new(name, scope, organizations, null);

    [Fact]
    public async Task Create_ParentAdmin_StoresOnlyTheHash_ListsIt_AndAudits()
    {
        var (created, refused) = await Keys.CreateAsync(Acme, Request(" deploy ", ApiKeyScope.ReadWrite, portal.Demo.AcmeChat), Alice);

        Assert.Null(refused);
        Assert.StartsWith($"ia_{created!.Prefix}_", created.Token, StringComparison.Ordinal);
        var listed = Assert.Single((await Keys.ListAsync(Acme, Alice))!);
        Assert.Equal(("deploy", created.Prefix, ApiKeyScope.ReadWrite, "Alice Anders"), (listed.Name, listed.Prefix, listed.Scope, listed.CreatedBy));
        Assert.Equal(["Acme"], listed.OrganizationNames);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.DoesNotContain(created.Token[(created.Prefix.Length + 4)..], stored.Hash, StringComparison.Ordinal);
        Assert.Equal(64, stored.Hash.Length);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "api.key_created");
        Assert.Equal(($"deploy ({created.Prefix})", Acme, Alice), (audit.Target, audit.ParentOrganizationId!.Value, audit.ActorPersonId!.Value));
        Assert.DoesNotContain(created.Token, audit.After!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oscar@acme.test")]   // the top role (Console Admin) of an organization of the parent, not a parent admin
    [InlineData("carol@acme.test")]   // a chat User under the parent
    [InlineData("grace@globex.test")] // a member, and admin, of another parent
    public async Task Create_SomeoneNotAParentAdmin_RefusedAndNothingWritten(string email)
    {
        var (created, refused) = await Keys.CreateAsync(Acme, Request(), portal.Demo.Person(email));

        Assert.Null(created);
        Assert.True(refused!.Category is RefusalCategory.NotAllowed or RefusalCategory.NotFound, refused.Message);
        Assert.Null(await Keys.ListAsync(Acme, portal.Demo.Person(email)));
        await AssertNoKeysNorAuditAsync();
    }

    [Fact]
    public async Task Create_SignedOut_Refused()
    {
        var (_, refused) = await Keys.CreateAsync(Acme, Request(), null);

        Assert.IsType<NotSignedIn>(refused);
        await AssertNoKeysNorAuditAsync();
    }

    [Fact]
    public async Task Create_BadInput_RefusedOnItsField()
    {
        Assert.IsType<ApiKeyNameInvalid>((await Keys.CreateAsync(Acme, Request("  "), Alice)).Refusal);
        Assert.IsType<ApiKeyNameInvalid>((await Keys.CreateAsync(Acme, Request(new string('x', 101)), Alice)).Refusal);
        Assert.IsType<ApiKeyExpiryInPast>((await Keys.CreateAsync(Acme, Request() with { ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1) }, Alice)).Refusal);
        // An organization of another parent cannot be put in a key's limit.
        Assert.IsType<ApiKeyOrganizationNotInParent>((await Keys.CreateAsync(Acme, Request("x", ApiKeyScope.ReadOnly, portal.Demo.GlobexTeam), Alice)).Refusal);
        await AssertNoKeysNorAuditAsync();
    }

    [Fact]
    public async Task Revoke_ParentAdmin_KeyStopsWorking_AndIsAudited()
    {
        var (created, _) = await Keys.CreateAsync(Acme, Request(), Alice);
        Assert.Equal(ApiKeyCheckOutcome.Valid, (await Authentication.CheckAsync(created!.Token)).Outcome);

        Assert.Null(await Keys.RevokeAsync(Acme, created.Id, Alice));

        Assert.Equal(ApiKeyCheckOutcome.Revoked, (await Authentication.CheckAsync(created.Token)).Outcome);
        Assert.Empty((await Keys.ListAsync(Acme, Alice))!);
        Assert.IsType<ApiKeyNotFound>(await Keys.RevokeAsync(Acme, created.Id, Alice));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "api.key_revoked"));
    }

    [Theory]
    [InlineData("oscar@acme.test")]
    [InlineData("grace@globex.test")]
    public async Task Revoke_SomeoneNotAParentAdmin_RefusedAndTheKeyStillWorks(string email)
    {
        var (created, _) = await Keys.CreateAsync(Acme, Request(), Alice);

        Assert.NotNull(await Keys.RevokeAsync(Acme, created!.Id, portal.Demo.Person(email)));
        Assert.NotNull(await Keys.RevokeAsync(Acme, created.Id, null));

        Assert.Equal(ApiKeyCheckOutcome.Valid, (await Authentication.CheckAsync(created.Token)).Outcome);
    }

    [Fact]
    public async Task Revoke_KeyOfAnotherParent_NotFound()
    {
        var (created, _) = await Keys.CreateAsync(Acme, Request(), Alice);
        var grace = portal.Demo.Person("grace@globex.test");

        Assert.IsType<ApiKeyNotFound>(await Keys.RevokeAsync(portal.Demo.GlobexParent, created!.Id, grace));

        Assert.Equal(ApiKeyCheckOutcome.Valid, (await Authentication.CheckAsync(created.Token)).Outcome);
    }

    [Fact]
    public async Task Check_WrongSecretWithTheRightPrefix_OrNotAKey_Unknown()
    {
        var (created, _) = await Keys.CreateAsync(Acme, Request(), Alice);
        var wrong = created!.Token[..^4] + (created.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Assert.Equal(ApiKeyCheckOutcome.Unknown, (await Authentication.CheckAsync(wrong)).Outcome);
        Assert.Equal(ApiKeyCheckOutcome.Unknown, (await Authentication.CheckAsync("ia_scim_abc")).Outcome);
        Assert.Equal(ApiKeyCheckOutcome.Unknown, (await Authentication.CheckAsync(null)).Outcome);
    }

    [Fact]
    public async Task Check_ValidKey_ActsAsItsCreator_AndRecordsLastUseOnceAMinute()
    {
        var (created, _) = await Keys.CreateAsync(Acme, Request("ci", ApiKeyScope.ReadWrite, portal.Demo.AcmeChat), Alice);

        var caller = (await Authentication.CheckAsync(created!.Token)).Caller!;

        Assert.Equal((Acme, Alice, ApiKeyScope.ReadWrite, true), (caller.ParentId, caller.PersonId, caller.Scope, caller.CreatorIsParentAdmin));
        Assert.True(caller.Reaches(portal.Demo.AcmeChat));
        Assert.False(caller.Reaches(portal.Demo.AcmeConsole));
        var first = (await Keys.ListAsync(Acme, Alice))!.Single().LastUsedAt;
        Assert.NotNull(first);
        await Authentication.CheckAsync(created.Token);
        Assert.Equal(first, (await Keys.ListAsync(Acme, Alice))!.Single().LastUsedAt); // within the minute: not written again
    }

    [Fact]
    public async Task Check_ExpiredKey_Expired()
    {
        var (created, _) = await Keys.CreateAsync(Acme, Request() with { ExpiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Alice);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ApiKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        Assert.Equal(ApiKeyCheckOutcome.Expired, (await Authentication.CheckAsync(created!.Token)).Outcome);
    }

    [Fact]
    public async Task Check_CreatorNoLongerParentAdmin_SaysSo_SoTheKeyIsRefused()
    {
        var admins = portal.Factory.Services.GetRequiredService<ParentAdministration>();
        var oscar = portal.Demo.Person("oscar@acme.test");
        Assert.Null(await admins.GrantAsync(Acme, "oscar@acme.test", Alice));
        var (created, _) = await Keys.CreateAsync(Acme, Request(), oscar);

        Assert.Null(await admins.RevokeAsync(Acme, oscar, Alice));

        Assert.False((await Authentication.CheckAsync(created!.Token)).Caller!.CreatorIsParentAdmin);
    }

    private async Task AssertNoKeysNorAuditAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.ApiKeys.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action.StartsWith("api.")));
    }
}

public sealed class SqliteApiKeyAdministrationTests() : ApiKeyAdministrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresApiKeyAdministrationTests() : ApiKeyAdministrationTests(new PostgresPortalFixture());
