using IdentityAccess.Core.Common;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Drafts;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning.Drafts;

/// <summary>
/// Unsaved Identity and access settings kept per person and organization (issue #20), on the seeded demo: Alice owns
/// Acme (chat, Manual), Bob is its Admin and Carol a User; Oscar is the Admin of Acme Labs, a sibling under the same
/// parent; Grace owns Globex Team under another parent.
/// </summary>
public abstract class SettingsDraftServiceTests(PortalFixture portal) : IAsyncLifetime
{
    private static readonly ProvisioningDraft _jitWithMappings = ProvisioningDraft.Manual() with
    {
        Mode = ProvisioningMode.Jit,
        AdvancedGroupMappings = true,
        RoleMappings = [new RoleMapping("anthropic-claude-owners", Role.Owner), new RoleMapping("anthropic-claude-users", Role.User)],
        TierMappings = [new TierMapping("anthropic-claude-premium", SeatTier.Premium)],
    };

    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private SettingsDraftService Drafts => portal.Factory.Services.GetRequiredService<SettingsDraftService>();

    private ProvisioningSettingsService Settings => portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();

    private Guid Acme => portal.Demo.AcmeChat;

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    private async Task<int> KeptCountAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.UnsavedSettingsDrafts.CountAsync();
    }

    [Fact]
    public async Task Keep_ByTheOwner_ComesBackWithEverythingTheFormHoldsAndItsVersion()
    {
        Assert.Null(await Drafts.KeepAsync(Acme, _jitWithMappings, Alice));

        var kept = await Drafts.ReadAsync(Acme, Alice);

        Assert.NotNull(kept);
        Assert.True(kept.Draft.HasSameSettingsAs(_jitWithMappings));
        Assert.Equal(1, kept.Draft.BaseVersion);
        Assert.False(kept.SavedSinceStarted);
    }

    [Fact]
    public async Task Keep_Again_ReplacesTheDraft_OneRowPerPersonAndOrganization()
    {
        await Drafts.KeepAsync(Acme, _jitWithMappings, Alice);

        Assert.Null(await Drafts.KeepAsync(Acme, _jitWithMappings with { Mode = ProvisioningMode.Scim }, Alice));

        Assert.Equal(ProvisioningMode.Scim, (await Drafts.ReadAsync(Acme, Alice))!.Draft.Mode);
        Assert.Equal(1, await KeptCountAsync());
    }

    [Fact]
    public async Task Keep_WhatIsSavedAlready_DeletesTheKeptDraft()
    {
        await Drafts.KeepAsync(Acme, _jitWithMappings, Alice);

        Assert.Null(await Drafts.KeepAsync(Acme, ProvisioningDraft.Manual(), Alice));

        Assert.Null(await Drafts.ReadAsync(Acme, Alice));
        Assert.Equal(0, await KeptCountAsync());
    }

    [Fact]
    public async Task Discard_DeletesTheDraft()
    {
        await Drafts.KeepAsync(Acme, _jitWithMappings, Alice);

        Assert.Null(await Drafts.DiscardAsync(Acme, Alice));

        Assert.Null(await Drafts.ReadAsync(Acme, Alice));
    }

    [Fact]
    public async Task Save_DeletesTheSaversDraftInTheSameSave_AndKeepsAnotherOwnersDraft()
    {
        var bob = await MakeBobAnOwnerAsync();
        await Drafts.KeepAsync(Acme, _jitWithMappings with { Mode = ProvisioningMode.Scim }, bob);
        await Drafts.KeepAsync(Acme, ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Jit }, Alice);

        var saved = await Settings.SaveAsync(Acme, ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Jit }, Alice, null);

        Assert.Empty(saved.Errors);
        Assert.Null(await Drafts.ReadAsync(Acme, Alice));
        var bobs = await Drafts.ReadAsync(Acme, bob);
        Assert.NotNull(bobs);
        Assert.True(bobs.SavedSinceStarted); // Alice saved after Bob started: his page says so
        Assert.Equal((1, 2), (bobs.Draft.BaseVersion, bobs.SavedVersion));
    }

    [Fact]
    public async Task AnotherOwnerOfTheSameOrganization_NeitherReadsNorDiscardsMyDraft()
    {
        var bob = await MakeBobAnOwnerAsync();
        await Drafts.KeepAsync(Acme, _jitWithMappings, Alice);

        Assert.Null(await Drafts.ReadAsync(Acme, bob)); // Bob reads his own: he has none
        Assert.Null(await Drafts.DiscardAsync(Acme, bob)); // and discards his own: nothing

        Assert.NotNull(await Drafts.ReadAsync(Acme, Alice));
        Assert.Equal(1, await KeptCountAsync());
    }

    [Fact]
    public async Task ADraftForOneOrganization_IsNeverShownOnAnother()
    {
        await Drafts.KeepAsync(Acme, _jitWithMappings, Alice);

        Assert.Null(await Drafts.ReadAsync(portal.Demo.AcmeConsole, Alice)); // Alice is the Admin (top role) of Acme Console too
        Assert.Null(await Drafts.DiscardAsync(portal.Demo.AcmeConsole, Alice));
        Assert.NotNull(await Drafts.ReadAsync(Acme, Alice));
    }

    [Theory]
    [InlineData("carol@acme.test")] // a User of Acme: may not edit the settings
    [InlineData("bob@acme.test")] // a chat Admin of Acme: manages people, not identity and access
    [InlineData("oscar@acme.test")] // the Admin of Acme Labs, a sibling under the same parent
    [InlineData("grace@globex.test")] // the Owner of an organization under another parent
    [InlineData(null)] // signed out
    public async Task WhoMayNotEditTheSettings_CanNeitherKeepReadNorDiscard_AndNothingChanges(string? email)
    {
        var who = email is null ? Guid.Empty : portal.Demo.Person(email);
        await Drafts.KeepAsync(Acme, _jitWithMappings, Alice);

        var kept = await Drafts.KeepAsync(Acme, _jitWithMappings with { Mode = ProvisioningMode.Scim }, who);
        var discarded = await Drafts.DiscardAsync(Acme, who);

        Assert.True(kept is NotAllowedError or NotFoundError, kept?.ToString());
        Assert.True(discarded is NotAllowedError or NotFoundError, discarded?.ToString());
        Assert.Null(await Drafts.ReadAsync(Acme, who));
        Assert.Equal(1, await KeptCountAsync());
        Assert.Equal(ProvisioningMode.Jit, (await Drafts.ReadAsync(Acme, Alice))!.Draft.Mode);
    }

    [Fact]
    public async Task Keep_TooLarge_IsRefusedAndNothingIsKept()
    {
        var huge = _jitWithMappings with { RoleMappings = [.. Enumerable.Range(0, 3000).Select(i => new RoleMapping($"group-{i:D6}", Role.User))] };

        Assert.IsType<SettingsDraftTooLarge>(await Drafts.KeepAsync(Acme, huge, Alice));

        Assert.Equal(0, await KeptCountAsync());
    }

    [Fact]
    public async Task DeletingThePerson_DeletesTheirDrafts()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var person = Person.Create("leaver@acme.test", "Leaver", DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.UnsavedSettingsDrafts.Add(new UnsavedSettingsDraft { OrganizationId = Acme, PersonId = person.Id, Content = "{}", StartedFromVersion = 1 });
        await db.SaveChangesAsync();

        await db.People.Where(p => p.Id == person.Id).ExecuteDeleteAsync();

        Assert.Equal(0, await KeptCountAsync());
    }

    private async Task<Guid> MakeBobAnOwnerAsync()
    {
        var bob = portal.Demo.Person("bob@acme.test");
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.Memberships.Where(m => m.OrganizationId == Acme && m.PersonId == bob).ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, Role.Owner));
        return bob;
    }
}

public sealed class SqliteSettingsDraftServiceTests() : SettingsDraftServiceTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSettingsDraftServiceTests() : SettingsDraftServiceTests(new PostgresPortalFixture());
