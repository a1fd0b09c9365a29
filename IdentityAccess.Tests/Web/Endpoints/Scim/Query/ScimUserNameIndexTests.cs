using System.Text.RegularExpressions;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Query;

/// <summary>
/// Entra's and Okta's lookup, <c>userName eq "…"</c>, stays an index seek after the filter rewrite: SQLite's plan for
/// the SQL EF Core generates searches the unique (parent, NormalizedUserName) index.
/// </summary>
public sealed partial class ScimUserNameIndexTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private AcmeScimDirectory _acme = default!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _acme = await StartAsync(_portal);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task UserNameEq_SqlitePlan_SearchesTheNormalizedUserNameIndex()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var query = ScimUserQuery.Filter(db.DirectoryUsers.Where(u => u.ParentOrganizationId == _acme.ParentId), ScimFilter.Parse("userName eq \"Carol@acme.test\""));

        var plan = await PlanAsync(db, query.ToQueryString());

        Assert.Contains("SEARCH d USING INDEX IX_DirectoryUsers_ParentOrganizationId_NormalizedUserName (ParentOrganizationId=? AND NormalizedUserName=?)", plan,
            StringComparison.Ordinal);
        Assert.Equal("carol@acme.test", (await query.SingleAsync()).UserName);
    }

    // ToQueryString gives ".param set @name value" lines, then the statement: the values go in as literals for EXPLAIN.
    private static async Task<string> PlanAsync(DbContext db, string queryString)
    {
        var lines = queryString.Split('\n');
        var parameters = lines.Select(l => Param().Match(l)).Where(m => m.Success).OrderByDescending(m => m.Groups["name"].Length).ToList();
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        sql = parameters.Aggregate(sql, (text, p) => text.Replace(p.Groups["name"].Value, p.Groups["value"].Value.Trim(), StringComparison.Ordinal));
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join('\n', details);
    }

    [GeneratedRegex("^\\.param set (?<name>@\\w+) (?<value>.+)$")]
    private static partial Regex Param();
}
