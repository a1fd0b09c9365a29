using System.Net;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Audit;

/// <summary>
/// The audit log's person filter, read on the server (<see cref="AuditTrail"/>) and through the export, on one app per
/// class: each test writes its events on its own days and reads only those days, so tests do not see each other's rows.
/// </summary>
public abstract class AuditPersonFilterTests(PortalFixture portal)
{
    private static int _nextDay;
    private readonly DateTimeOffset _day = new DateTimeOffset(2032, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Interlocked.Add(ref _nextDay, 3));

    private LogPeriod Period => new(_day, _day.AddDays(1));

    private AuditEvent Event(int minute, string action, string target, Guid? organizationId, Guid? parentId = null) => new()
    {
        OccurredAt = _day.AddMinutes(minute),
        Actor = "Alice Anders",
        Action = action,
        Target = target,
        OrganizationId = organizationId,
        ParentOrganizationId = parentId ?? portal.Demo.AcmeParent,
        Before = """{"Role":5,"SeatTier":1,"Status":0}""",
        After = """{"Role":1,"SeatTier":0,"Status":0}""",
    };

    private async Task InsertAsync(params AuditEvent[] events)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync();
    }

    private Task<AuditPage> ReadAsync(Guid organizationId, string person, AuditScope scope = AuditScope.All) =>
        portal.Factory.Services.GetRequiredService<AuditTrail>().GetPageAsync(organizationId, new AuditQuery { Person = person, Scope = scope, Period = Period });

    // Carol (a User of Acme's chat organization), Erin (a member of its sibling, Acme Console), Grace (another parent's Owner).
    private async Task SeedAsync() => await InsertAsync(
        Event(1, "membership.role_changed", "carol@acme.test", portal.Demo.AcmeChat),
        Event(2, "membership.tier_changed", "carol@acme.test", portal.Demo.AcmeChat),
        Event(3, "person.profile_updated", "carol@acme.test", null),                        // the parent's, shown in its organizations
        Event(4, "membership.role_changed", "bob@acme.test", portal.Demo.AcmeChat),
        Event(5, "membership.added", "erin@acme.test", portal.Demo.AcmeConsole),
        Event(6, "membership.role_changed", "erin@acme.test", portal.Demo.AcmeConsole),
        Event(7, "membership.role_changed", "carol@acme.test", portal.Demo.AcmeConsole),    // Carol in the sibling: not Acme chat's to show
        Event(8, "membership.added", "grace@globex.test", portal.Demo.GlobexTeam, portal.Demo.GlobexParent),
        Event(9, "person.profile_updated", "grace@globex.test", null, portal.Demo.GlobexParent));

    [Theory]
    [InlineData("carol@acme.test")]
    [InlineData("  Carol@ACME.test ")] // typed in another case, with spaces
    public async Task Person_TheirEntriesHereAndTheParents_NewestFirst_NotOthers(string typed)
    {
        await SeedAsync();

        var page = await ReadAsync(portal.Demo.AcmeChat, typed);

        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["person.profile_updated", "membership.tier_changed", "membership.role_changed"], page.Items.Select(e => e.Action));
        Assert.All(page.Items, e => Assert.Equal("carol@acme.test", e.Target));
        Assert.DoesNotContain(page.Items, e => e.OrganizationId == portal.Demo.AcmeConsole);
    }

    [Fact]
    public async Task Person_WithScopeOrganization_OnlyThisOrganizationsEntries()
    {
        await SeedAsync();

        var page = await ReadAsync(portal.Demo.AcmeChat, "carol@acme.test", AuditScope.Organization);

        Assert.Equal(["membership.tier_changed", "membership.role_changed"], page.Items.Select(e => e.Action));
    }

    [Theory]
    [InlineData("erin@acme.test")]    // a member of the sibling organization Acme Console
    [InlineData("grace@globex.test")] // the Owner of another parent's organization
    public async Task Person_OfAnotherOrganization_NothingOfTheirsInThisLog(string person)
    {
        await SeedAsync();

        var page = await ReadAsync(portal.Demo.AcmeChat, person);
        var export = await portal.CreateClient(portal.Demo.Person("alice@acme.test"))
            .GetStringAsync($"/orgs/{portal.Demo.AcmeChat}/audit/log.csv?person={Uri.EscapeDataString(person)}&from={Day()}&to={Day()}");

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
        Assert.DoesNotContain(person, export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_InTheirOwnOrganization_StillFound()
    {
        await SeedAsync();

        // The other side of the previous test: the entries exist, they belong to Acme Console's log.
        var page = await ReadAsync(portal.Demo.AcmeConsole, "erin@acme.test");

        Assert.Equal(["membership.role_changed", "membership.added"], page.Items.Select(e => e.Action));
    }

    [Theory]
    [InlineData("nobody@acme.test")]
    [InlineData("carol")]                    // part of an address: the person filter is exact (the search box finds parts)
    [InlineData("%")]
    [InlineData("'; DROP TABLE \"AuditEvents\"; --")]
    public async Task Person_UnknownOrOdd_EmptyPage_NotAnError(string person)
    {
        await SeedAsync();

        var page = await ReadAsync(portal.Demo.AcmeChat, person);

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Person_LongerThanAnyAddress_EmptyPage_NotAnError()
    {
        var page = await ReadAsync(portal.Demo.AcmeChat, new string('a', 5_000) + "@acme.test");

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Export_PersonFilter_AsOnThePage()
    {
        await SeedAsync();

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test"))
            .GetAsync($"/orgs/{portal.Demo.AcmeChat}/audit/log.csv?person=carol%40acme.test&scope=organization&from={Day()}&to={Day()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        Assert.Equal(["membership.tier_changed", "membership.role_changed"], lines.Skip(1).Select(l => l.Split(',')[3]));
    }

    [Theory]
    [InlineData("carol@acme.test")] // a User of Acme
    [InlineData("erin@acme.test")]  // a member of the sibling organization
    public async Task Export_PersonFilter_WithoutViewAuditLog_Returns403(string email)
    {
        await SeedAsync();

        var response = await portal.CreateClient(portal.Demo.Person(email))
            .GetAsync($"/orgs/{portal.Demo.AcmeChat}/audit/log.csv?person=carol%40acme.test&from={Day()}&to={Day()}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("membership.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private string Day() => _day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteAuditPersonFilterTests(SqlitePortalFixture portal) : AuditPersonFilterTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresAuditPersonFilterTests(PostgresPortalFixture portal) : AuditPersonFilterTests(portal), IClassFixture<PostgresPortalFixture>;
