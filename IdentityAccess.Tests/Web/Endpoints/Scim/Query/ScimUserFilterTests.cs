using System.Net;
using IdentityAccess.Tests.TestSupport;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Query;

/// <summary>
/// RFC 7644 §3.4.2.2 filters on /Users, run as SQL on SQLite and PostgreSQL: each operator, and/or/not and their
/// precedence, value filters, URN paths, meta dates; every malformed or unsupported filter is a 400 invalidFilter; and
/// no filter reaches another parent's users.
/// </summary>
/// <remarks>The tests only read: the class shares one app and the users it creates (<see cref="ScimUserFilterDirectory"/>).</remarks>
public abstract class ScimUserFilterTests(ScimUserFilterDirectory directory)
{
    private readonly AcmeScimDirectory _acme = directory.Acme;
    private readonly string _annCreated = directory.AnnCreated;
    private readonly Guid _globexUser = directory.GlobexUser;

    private async Task<string[]> NamesAsync(string filter)
    {
        var response = await _acme.Client.GetAsync($"/scim/v2/Users?count=500&filter={Uri.EscapeDataString($"userName sw \"fq-\" and ({filter})")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        return [.. body["Resources"]!.AsArray().Select(u => u!["userName"]!.GetValue<string>()[3..6]).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("userName eq \"FQ-ANN@Acme.Test\"", "ann")] // userName is caseExact=false
    [InlineData("userName ne \"fq-ann@acme.test\"", "bob,cat")]
    [InlineData("displayName co \"AR\"", "ann,cat")]
    [InlineData("displayName sw \"b\"", "bob")]
    [InlineData("userName ew \"CAT@ACME.TEST\"", "cat")]
    [InlineData("externalId eq \"ext-bob\"", "")] // externalId is caseExact=true
    [InlineData("externalId eq \"ext-BOB\"", "bob")]
    [InlineData("externalId pr", "ann,bob")]
    [InlineData("active eq false", "bob")]
    [InlineData("active eq true", "ann,cat")]
    [InlineData("name.familyName gt \"Baker\"", "cat")]
    [InlineData("name.familyName ge \"baker\"", "bob,cat")]
    [InlineData("name.familyName lt \"Baker\"", "ann")]
    [InlineData("name.givenName le \"BOB\"", "ann,bob")]
    [InlineData("emails.value eq \"FQ-BOB@acme.test\"", "bob")]
    [InlineData("emails.type eq \"other\"", "cat")]
    [InlineData("emails[type eq \"work\" and value co \"@acme.test\"]", "ann,bob")]
    [InlineData("emails[type eq \"work\"].value eq \"fq-bob@acme.test\"", "bob")] // Entra's matching filter
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"fq-cat@acme.test\"", "cat")]
    [InlineData("not (active eq true)", "bob")]
    [InlineData("displayName sw \"c\" or displayName sw \"b\" and active eq true", "cat")] // and binds tighter than or
    [InlineData("(displayName sw \"c\" or displayName sw \"b\") and active eq false", "bob")]
    [InlineData("not (emails[type eq \"work\"]) or externalId eq \"ext-ann\"", "ann,cat")]
    [InlineData("displayName eq null", "")]
    [InlineData("meta.lastModified gt \"2000-01-01T00:00:00Z\" and meta.created lt \"2100-01-01T00:00:00+02:00\"", "ann,bob,cat")]
    public async Task Filter_EachOperatorAndCombination_MatchesExactlyThoseUsers(string filter, string expected)
    {
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), await NamesAsync(filter));
    }

    [Fact]
    public async Task Filter_MetaCreatedAfterAnInstant_TheUsersCreatedLater()
    {
        Assert.Equal(["bob", "cat"], await NamesAsync($"meta.created gt \"{_annCreated}\""));
    }

    [Theory]
    [InlineData("userName eq", "position")]
    [InlineData("userName xx \"a\"", "position")]
    [InlineData("(userName eq \"a\"", "position")]
    [InlineData("userName eq \"a\")", "position")]
    [InlineData("userName eq \"a\" and", "position")]
    [InlineData("userName eq \"unterminated", "position")]
    [InlineData("userName eq \"bad \\q escape\"", "position")]
    [InlineData("userName eq bare", "position")]
    [InlineData("not userName eq \"a\"", "position")]
    [InlineData("emails[type eq \"work\"", "position")]
    [InlineData("emails[type eq \"work\"][value eq \"a\"]", "position")]
    [InlineData("emails[type eq \"a\" and x[y eq \"b\"]]", "position")]
    [InlineData("password eq \"secret\"", "password")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\"", "department")]
    [InlineData("groups.value eq \"x\"", "groups.value")]
    [InlineData("active gt true", "active")]
    [InlineData("active eq \"maybe\"", "active")]
    [InlineData("id co \"1\"", "id")]
    [InlineData("meta.created eq \"yesterday\"", "meta.created")]
    [InlineData("userName eq 12", "userName")]
    [InlineData("emails[display eq \"x\"]", "emails.display")]
    public async Task Filter_MalformedOrUnsupported_400InvalidFilterSayingWhere(string filter, string named)
    {
        var response = await _acme.Client.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("invalidFilter", body["scimType"]!.GetValue<string>());
        Assert.Contains(named, body["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Filter_TooDeepOrTooLong_400InvalidFilter()
    {
        var deep = string.Concat(Enumerable.Repeat("(", 40)) + "userName eq \"a\"" + string.Concat(Enumerable.Repeat(")", 40));
        var wide = string.Join(" or ", Enumerable.Range(0, 101).Select(i => $"userName eq \"u{i}\""));
        foreach (var filter in new[] { deep, wide })
        {
            var response = await _acme.Client.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString(filter)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalidFilter", (await BodyAsync(response))["scimType"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("id eq \"{0}\"")]
    [InlineData("userName eq \"fq-gus@globex.test\"")]
    [InlineData("userName sw \"fq-\" or id eq \"{0}\"")]
    [InlineData("not (id eq \"{0}\") or id eq \"{0}\"")]
    [InlineData("id ne \"00000000-0000-0000-0000-000000000000\" and userName ew \"@globex.test\"")]
    public async Task Filter_AcmesTokenNamingGlobexsUser_NeverReturnsIt(string template)
    {
        var filter = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _globexUser);
        var body = await BodyAsync(await _acme.Client.GetAsync($"/scim/v2/Users?count=500&filter={Uri.EscapeDataString(filter)}"));

        Assert.DoesNotContain(body["Resources"]!.AsArray(), u => u!["id"]!.GetValue<string>() == _globexUser.ToString());
        Assert.DoesNotContain(body["Resources"]!.AsArray(), u => u!["userName"]!.GetValue<string>().EndsWith("@globex.test", StringComparison.Ordinal));
    }
}

public sealed class SqliteScimUserFilterTests(ScimUserFilterDirectory.Sqlite directory) : ScimUserFilterTests(directory),
    IClassFixture<ScimUserFilterDirectory.Sqlite>;

[Trait("Category", "Postgres")]
public sealed class PostgresScimUserFilterTests(ScimUserFilterDirectory.Postgres directory) : ScimUserFilterTests(directory),
    IClassFixture<ScimUserFilterDirectory.Postgres>;
