using IdentityAccess.Core.Common;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.GroupNames;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso.GroupNames;

/// <summary>
/// Globex has no SCIM directory, so its IdP's group names are recorded at sign-in. A rename in the IdP is told to the
/// portal by a parent admin: the group keeps its key (its mappings), absorbing the group recorded under the new name.
/// </summary>
public sealed class SignInGroupServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset _now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly SqlitePortalFixture _portal = new();
    private Guid _grace;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _grace = _portal.Demo.Person("grace@globex.test");
        await using var db = await _portal.Factory.CreateDbContextAsync();
        await SamlGroupNames.ResolveAsync(db, _portal.Demo.GlobexParent, SamlGroupsFormat.Names, ["Globex Engineers"], record: true, _now);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private SignInGroupService Groups => _portal.Factory.Services.GetRequiredService<SignInGroupService>();

    private async Task<List<SignInGroup>> RecordedAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.SignInGroups.AsNoTracking().OrderBy(g => g.Key).ToListAsync();
    }

    /// <summary>Hank's last sign-in carried the group under its new name, so it was recorded as a group of its own.</summary>
    private async Task HankSignedInWithAsync(string groupName)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var resolved = await SamlGroupNames.ResolveAsync(db, _portal.Demo.GlobexParent, SamlGroupsFormat.Names, [groupName], record: true, _now);
        var link = new SamlIdentityLink
        {
            ParentOrganizationId = _portal.Demo.GlobexParent,
            IdpEntityId = "http://www.okta.com/exk1",
            Subject = "00u-hank",
            PersonId = _portal.Demo.Person("hank@globex.test"),
            CreatedAt = _now,
        };
        link.RecordSignIn(resolved.Keys, overage: false, _now);
        db.SamlIdentityLinks.Add(link);
        await db.SaveChangesAsync();
    }

    private async Task MapAsync(string key)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        db.GroupMappings.Add(new GroupMapping { OrganizationId = _portal.Demo.GlobexTeam, GroupExternalId = key, Role = Role.Admin });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Rename_ANameNobodyHasSignedInWithYet_KeepsTheKey_AndIsAudited()
    {
        Assert.Null(await Groups.RenameAsync(_portal.Demo.GlobexParent, "Globex Engineers", " Engineering Team ", _grace));

        var group = Assert.Single(await RecordedAsync());
        Assert.Equal(("Globex Engineers", "Engineering Team"), (group.Key, group.Name));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "sso.signin-group-renamed");
        Assert.Equal((_grace, _portal.Demo.GlobexParent), (audit.ActorPersonId, audit.ParentOrganizationId));
    }

    [Fact]
    public async Task Rename_ToANameAlreadyRecordedAndUnmapped_MergesIt_AndTheLastSignInCarriesTheKeptKey()
    {
        await MapAsync("Globex Engineers");
        await HankSignedInWithAsync("Engineering Team");

        Assert.Null(await Groups.RenameAsync(_portal.Demo.GlobexParent, "Globex Engineers", "Engineering Team", _grace));

        var group = Assert.Single(await RecordedAsync());
        Assert.Equal(("Globex Engineers", "Engineering Team"), (group.Key, group.Name));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(["Globex Engineers"], (await db.SamlIdentityLinks.SingleAsync(l => l.Subject == "00u-hank")).LastSignInGroups);
        var listed = Assert.Single((await Groups.ListAsync(_portal.Demo.GlobexTeam, _grace))!.Groups);
        Assert.Equal(["Globex Team"], listed.MappedIn);
    }

    [Fact]
    public async Task Rename_ToTheNameOfAnotherMappedGroup_Refused_AndNothingChanged()
    {
        await HankSignedInWithAsync("Engineering Team");
        await MapAsync("Engineering Team");
        var before = await RecordedAsync();

        var refused = await Groups.RenameAsync(_portal.Demo.GlobexParent, "Globex Engineers", "engineering team", _grace);

        Assert.Contains("Globex Team", Assert.IsType<SignInGroupNameMapped>(refused).Message, StringComparison.Ordinal);
        Assert.Equal(before.Select(g => (g.Key, g.Name)), (await RecordedAsync()).Select(g => (g.Key, g.Name)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Line\nbreak")]
    public async Task Rename_ToAnUnusableName_Refused(string name) =>
        Assert.IsType<SignInGroupNameInvalid>(await Groups.RenameAsync(_portal.Demo.GlobexParent, "Globex Engineers", name, _grace));

    [Fact]
    public async Task Rename_AKeyNotRecorded_NotFound() =>
        Assert.IsType<SignInGroupNotFound>(await Groups.RenameAsync(_portal.Demo.GlobexParent, "Nope", "Anything", _grace));

    [Theory]
    [InlineData("hank@globex.test", RefusalCategory.NotAllowed)] // a User of Globex Team
    [InlineData("alice@acme.test", RefusalCategory.NotFound)]    // another parent's admin
    public async Task Rename_ByAnyoneButAParentAdmin_RefusedAndNothingChanged(string email, RefusalCategory expected)
    {
        var refused = await Groups.RenameAsync(_portal.Demo.GlobexParent, "Globex Engineers", "Hijacked", _portal.Demo.Person(email));

        Assert.Equal(expected, refused!.Category);
        Assert.Equal("Globex Engineers", Assert.Single(await RecordedAsync()).Name);
        Assert.Null(await Groups.ListAsync(_portal.Demo.GlobexTeam, _portal.Demo.Person("alice@acme.test")));
    }
}
