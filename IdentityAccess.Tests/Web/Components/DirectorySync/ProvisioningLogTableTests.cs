using Bunit;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.DirectorySync;

namespace IdentityAccess.Tests.Web.Components.DirectorySync;

public sealed class ProvisioningLogTableTests : ComponentTest
{
    private readonly List<ProvisioningLogQuery> _queries = [];

    private static readonly ProvisioningLogEntry[] _rows =
    [
        new() { Id = 2, Status = 404, Method = "GET", Path = "/scim/v2/Users/42", ErrorDetail = "User 42 not found.", TokenPrefix = "ia_scim_AbCd", CorrelationId = "c-2", DurationMs = 3 },
        new() { Id = 1, Status = 201, Method = "POST", Path = "/scim/v2/Users", Summary = "Created user zed@acme.test", TokenPrefix = "ia_scim_AbCd", CorrelationId = "c-1", DurationMs = 14 },
    ];

    private IRenderedComponent<ProvisioningLogTable> RenderTable() => Render<ProvisioningLogTable>(p => p
        .Add(c => c.LoadPage, (query, _) =>
        {
            _queries.Add(query);
            var items = _rows.Where(r => (!query.ErrorsOnly || r.IsError) && (query.Status is null || r.Status == query.Status)).ToList();
            return Task.FromResult(new ProvisioningLogPage(items, items.Count));
        })
        .Add(c => c.ExportUrl, (filter, format) => DirectorySyncLabels.ExportUrl(Guid.Empty, filter, format)));

    [Fact]
    public void SignInRow_ShowsItCameFromSsoWithItsRefusal()
    {
        ProvisioningLogEntry[] rows =
        [
            new()
            {
                Id = 3, Channel = ProvisioningLogChannel.Sso, Status = 403, Method = "SAML", Path = "/saml/acs", ErrorType = "EmailDomainNotVerified",
                ErrorDetail = "hank@globex.test: the email's domain is not one of Acme Corporation's verified domains", CorrelationId = "c-3",
            },
            _rows[1],
        ];
        var cut = Render<ProvisioningLogTable>(p => p
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new ProvisioningLogPage(rows, rows.Length)))
            .Add(c => c.ExportUrl, (filter, format) => DirectorySyncLabels.ExportUrl(Guid.Empty, filter, format)));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        var sso = cut.FindAll("tbody tr")[0];
        Assert.Equal("SSO sign-in", sso.QuerySelector("[data-testid=log-channel-sso]")!.TextContent.Trim());
        Assert.Contains("403 Forbidden", sso.TextContent, StringComparison.Ordinal);
        Assert.Contains("SAML /saml/acs", sso.TextContent, StringComparison.Ordinal);
        Assert.Contains("(EmailDomainNotVerified)", sso.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("…", sso.TextContent, StringComparison.Ordinal); // no token
        Assert.Contains("SCIM ia_scim_AbCd…", cut.FindAll("tbody tr")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_ShowStatusRequestAndWhatChangedOrTheError()
    {
        var cut = RenderTable();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.Equal(["404", "201"], cut.FindAll("[data-status]").Select(e => e.GetAttribute("data-status")));
        Assert.Equal("User 42 not found.", cut.Find("[data-testid=log-error]").TextContent);
        Assert.Equal("Created user zed@acme.test", cut.Find("[data-testid=log-summary]").TextContent);
        Assert.Contains("POST /scim/v2/Users", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(new ProvisioningLogQuery(false, null, 0, 50), _queries[0]);
    }

    [Fact]
    public void ErrorsOnly_ReloadsTheServerPage_AndTheExportFollows()
    {
        var cut = RenderTable();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));

        cut.Find(".mud-switch input").Change(true);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr")));
        Assert.True(_queries[^1].ErrorsOnly);
        Assert.Equal($"/orgs/{Guid.Empty}/directory-sync/log.csv?errorsOnly=true", cut.Find("[data-testid=export-log-csv]").GetAttribute("href"));
    }
}
