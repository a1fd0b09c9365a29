using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.GroupNames;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso.GroupNames;

/// <summary>
/// Group names from an IdP that sends names, through <see cref="SamlAssertionMapping"/> (what the test sign-in shows) and
/// <see cref="SamlGroupNames"/> (what a sign-in records): against Acme's SCIM directory (one group, several, none), and
/// for Globex, which has no directory, recorded under keys that never change.
/// </summary>
public sealed class SamlGroupNamesTests : IAsyncLifetime
{
    private const string DemoAdmins = "6f1c2a9e-0002-4c1e-9a10-acme00000002";
    private const string DemoUsers = "6f1c2a9e-0003-4c1e-9a10-acme00000003";
    private static readonly DateTimeOffset _now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly SqlitePortalFixture _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private static SamlConnection OktaSendingNames(Guid parentId)
    {
        var connection = new SamlConnection { ParentOrganizationId = parentId, EntityId = "http://www.okta.com/exk1", SingleSignOnUrl = "https://okta.example/sso", SigningCertificatesPem = "" };
        connection.SetAttributeNames(SamlAttributePreset.Okta, SamlAttributePresets.Names(SamlAttributePreset.Okta));
        return connection;
    }

    /// <summary>Ben's Okta assertion (<see cref="IdpAssertionShapes"/>) with these group names.</summary>
    private static SamlAssertion OktaAssertion(params string[] groups)
    {
        var shape = IdpAssertionShapes.For(SamlAttributePreset.Okta);
        var attributes = new Dictionary<string, IReadOnlyList<string>>(shape.Attributes) { ["groups"] = groups };
        return new SamlAssertion("_a1", "http://www.okta.com/exk1", shape.NameId, shape.NameIdFormat, null, _now, attributes);
    }

    private async Task<SamlMappedAssertion> MapAsync(Guid parentId, SamlAssertion assertion)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await SamlAssertionMapping.MapAsync(db, OktaSendingNames(parentId), assertion, TimeProvider.System);
    }

    [Fact]
    public async Task Map_NamesOfDirectoryGroups_ResolveToTheirIds_WhateverTheCaseAndSpacing()
    {
        var mapped = await MapAsync(_portal.Demo.AcmeParent, OktaAssertion("anthropic-claude-admins", "  ANTHROPIC-claude-users "));

        Assert.Equal([DemoAdmins, DemoUsers], mapped.Identity!.Groups);
        Assert.All(mapped.Groups, g => Assert.Equal(SamlGroupMatchKind.Directory, g.Kind));
        Assert.Equal("anthropic-claude-users", mapped.Groups[1].Name);
        Assert.Empty(mapped.UnresolvedGroups);
        Assert.Equal(("00u4kq7x2bT9mW3pZ5d7", "ben.ortiz@contoso.example", "Ben Ortiz"), (mapped.Identity.Subject, mapped.Identity.Email, mapped.Identity.DisplayName));
    }

    [Fact]
    public async Task Map_NameOfNoDirectoryGroup_LeftOutAndReported()
    {
        var mapped = await MapAsync(_portal.Demo.AcmeParent, OktaAssertion("anthropic-claude-admins", "Everyone"));

        Assert.Equal([DemoAdmins], mapped.Identity!.Groups);
        var unknown = Assert.Single(mapped.UnresolvedGroups);
        Assert.Equal(("Everyone", SamlGroupMatchKind.Unknown), (unknown.Sent, unknown.Kind));
        Assert.Contains("no group of the directory has that name", unknown.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_NameOfTwoDirectoryGroups_IsAmbiguous_NeitherIsGiven()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            // Two groups SCIM keeps apart (their names differ by a space), which one name from the IdP matches.
            db.DirectoryGroups.AddRange(Group("00g-sales-1", "Sales Team"), Group("00g-sales-2", "Sales  Team"));
            await db.SaveChangesAsync();
        }

        var mapped = await MapAsync(_portal.Demo.AcmeParent, OktaAssertion("sales team", "anthropic-claude-users"));

        Assert.Equal([DemoUsers], mapped.Identity!.Groups);
        var ambiguous = Assert.Single(mapped.UnresolvedGroups);
        Assert.Equal(SamlGroupMatchKind.Ambiguous, ambiguous.Kind);
        Assert.Equal(["00g-sales-1", "00g-sales-2"], ambiguous.Candidates!.Select(c => c.Key));
    }

    [Fact]
    public async Task Map_UnusableValue_LeftOutAndReported()
    {
        var mapped = await MapAsync(_portal.Demo.AcmeParent, OktaAssertion("anthropic-claude-users", "evil\u0000name", new string('x', 300)));

        Assert.Equal([DemoUsers], mapped.Identity!.Groups);
        Assert.Equal([SamlGroupMatchKind.Unusable, SamlGroupMatchKind.Unusable], mapped.UnresolvedGroups.Select(g => g.Kind));
    }

    [Fact]
    public async Task Map_GroupsAsIds_AreKeysAsSent()
    {
        var connection = OktaSendingNames(_portal.Demo.AcmeParent);
        connection.SetAttributeNames(SamlAttributePreset.Okta, SamlAttributePresets.Names(SamlAttributePreset.Okta) with { GroupsFormat = SamlGroupsFormat.Ids });
        await using var db = await _portal.Factory.CreateDbContextAsync();

        var mapped = await SamlAssertionMapping.MapAsync(db, connection, OktaAssertion("00g-anything"), TimeProvider.System);

        Assert.Equal(["00g-anything"], mapped.Identity!.Groups);
        Assert.Equal(SamlGroupMatchKind.Id, Assert.Single(mapped.Groups).Kind);
    }

    [Fact]
    public async Task Map_WithoutADirectory_NewNamesAreReportedButNothingIsRecorded()
    {
        var mapped = await MapAsync(_portal.Demo.GlobexParent, OktaAssertion("Globex Engineers"));

        var match = Assert.Single(mapped.Groups);
        Assert.Equal((SamlGroupMatchKind.New, "Globex Engineers"), (match.Kind, match.Key));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SignInGroups.AnyAsync());
    }

    [Fact]
    public async Task Map_WithAnActiveScimTokenButNoGroupsYet_NamesAreLookedUpInTheDirectory()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            // Directory sync needs the Enterprise plan.
            await db.ParentOrganizations.Where(p => p.Id == _portal.Demo.GlobexParent)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, IdentityAccess.Core.Organizations.ParentPlan.Enterprise));
        }

        var (token, _) = await _portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(_portal.Demo.GlobexParent,
            IdentityAccess.Core.Audit.AuditActor.System("Test set-up"));
        Assert.NotNull(token);

        var mapped = await MapAsync(_portal.Demo.GlobexParent, OktaAssertion("Globex Engineers"));

        Assert.Equal(SamlGroupMatchKind.Unknown, Assert.Single(mapped.Groups).Kind);
    }

    [Fact]
    public async Task Resolve_WithoutADirectory_RecordsEachNameOnceUnderTheNameFirstSeen_ThenFindsItWhateverTheCase()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var first = await SamlGroupNames.ResolveAsync(db, _portal.Demo.GlobexParent, SamlGroupsFormat.Names, ["Globex Engineers", "GLOBEX  engineers"], record: true, _now);
            await db.SaveChangesAsync();
            Assert.Equal(["Globex Engineers"], first.Keys);
        }

        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var again = await SamlGroupNames.ResolveAsync(db, _portal.Demo.GlobexParent, SamlGroupsFormat.Names, ["globex engineers"], record: true, _now.AddDays(2));
            await db.SaveChangesAsync();
            Assert.Equal((SamlGroupMatchKind.Recorded, "Globex Engineers", "Globex Engineers"), (again.Matches[0].Kind, again.Matches[0].Key, again.Matches[0].Name));
        }

        await using var check = await _portal.Factory.CreateDbContextAsync();
        var recorded = await check.SignInGroups.SingleAsync();
        Assert.Equal((_portal.Demo.GlobexParent, _now, _now.AddDays(2)), (recorded.ParentOrganizationId, recorded.FirstSeenAt, recorded.LastSeenAt));
    }

    [Fact]
    public async Task Resolve_ANameWhoseKeyARenamedGroupHolds_GetsAFreshKey()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            db.SignInGroups.Add(new SignInGroup
            {
                ParentOrganizationId = _portal.Demo.GlobexParent,
                Key = "Sales",
                Name = "Revenue",
                NormalizedName = GroupNameMatching.Normalize("Revenue"),
                FirstSeenAt = _now,
                LastSeenAt = _now,
            });
            await db.SaveChangesAsync();
        }

        await using var resolving = await _portal.Factory.CreateDbContextAsync();
        var resolved = await SamlGroupNames.ResolveAsync(resolving, _portal.Demo.GlobexParent, SamlGroupsFormat.Names, ["Sales", "Revenue"], record: true, _now);
        await resolving.SaveChangesAsync();

        Assert.Equal(SamlGroupMatchKind.New, resolved.Matches[0].Kind);
        Assert.StartsWith("signin-group:", resolved.Matches[0].Key, StringComparison.Ordinal);
        Assert.Equal((SamlGroupMatchKind.Recorded, "Sales"), (resolved.Matches[1].Kind, resolved.Matches[1].Key));
    }

    [Fact]
    public void Normalize_SetsAsideCaseCompatibilityFormsAndSpaces() =>
        Assert.Equal(GroupNameMatching.Normalize("Sales Team"), GroupNameMatching.Normalize("  ｓａｌｅｓ \t team "));

    private DirectoryGroup Group(string key, string name) => new()
    {
        ParentOrganizationId = _portal.Demo.AcmeParent,
        ExternalId = key,
        DisplayName = name,
        NormalizedDisplayName = name.ToUpperInvariant(),
        CreatedAt = _now,
        UpdatedAt = _now,
    };
}
