using Bunit;
using IdentityAccess.Core.Audit;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Audit;

namespace IdentityAccess.Tests.Web.Components.Audit;

/// <summary>The audit table: each entry's change in the reader's language, its stored record on demand, the person filter.</summary>
public sealed class AuditTableTests : ComponentTest
{
    private static readonly DateTimeOffset _at = new(2026, 11, 23, 14, 5, 9, TimeSpan.Zero);

    private static readonly AuditEvent _roleByPlan = Entry("membership.role_changed", "carol@acme.test",
        """{"Role":5,"SeatTier":1,"Status":0}""", """{"Role":1,"SeatTier":0,"Status":0}""");

    private static readonly AuditEvent _removed = Entry("membership.removed", "bob@acme.test",
        """{"Role":"Admin","Tier":"Premium","Status":"Active"}""", """{"Role":"Admin","Tier":"Premium","Status":"Removed"}""");

    private static readonly AuditEvent _settings = Entry("provisioning.settings_changed", "Acme",
        """{"Mode":"Manual","AdvancedGroupMappings":false}""", """{"Mode":"Scim","AdvancedGroupMappings":true}""");

    private static readonly AuditEvent _domain = Entry("domain.added", "acme.test", null, null);

    private static readonly AuditEvent _broken = Entry("legacy.entry", "x", null, "{not json");

    // Room for a first render on a busy machine (seen: over a second with 2 cores shared); what is asserted is content, not speed.
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    private readonly List<AuditQuery> _asked = [];

    private IRenderedComponent<AuditTable> RenderAudit(params AuditEvent[] events) => Render<AuditTable>(p => p
        .Add(c => c.LoadPage, (query, _) =>
        {
            _asked.Add(query);
            return Task.FromResult(new AuditPage(events, events.Length));
        })
        .Add(c => c.ExportUrl, (filter, format) => AuditLogLinks.ExportUrl(Guid.Empty, filter, format)));

    [Theory]
    [InlineData("en", "Change", "Role: User → Admin", "Seat tier: Standard → Premium", "Status: Active → Removed",
        "Provisioning mode: Manual → Directory sync (SCIM)", "Advanced group mappings: No → Yes", "Show raw")]
    [InlineData("pt-BR", "Alteração", "Função: User → Admin", "Nível de assento: Standard → Premium", "Status: Ativo → Removido",
        "Modo de provisionamento: Manual → Directory sync (SCIM)", "Mapeamentos de grupo avançados: Não → Sim", "Mostrar registro bruto")]
    public void Rows_ReadableChange_InTheLanguage_RoleTierAndModeNamesInEnglish(string culture, string column, string role, string tier,
        string status, string mode, string flag, string showRaw)
    {
        using var language = Localizers.UiCulture(culture);

        var table = RenderAudit(_roleByPlan, _removed, _settings);

        table.WaitForAssertion(() => Assert.Equal(3, table.FindAll("tbody tr").Count), _patience);
        Assert.Contains(table.FindAll("th"), th => th.TextContent.Trim() == column);
        Assert.Equal([role, tier], Lines(table, 0));
        Assert.Equal([status], Lines(table, 1));
        Assert.Equal([mode, flag], Lines(table, 2));
        Assert.Equal(showRaw, table.FindAll("[data-testid=audit-show-raw]")[0].TextContent.Trim());
        Assert.DoesNotContain("{", table.Find("tbody").TextContent, StringComparison.Ordinal); // no JSON until asked for
        Assert.All(table.FindAll("tbody td"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label")))); // phone cards label every line
    }

    [Theory]
    [InlineData("en", "Hide raw", "Before", "After")]
    [InlineData("pt-BR", "Ocultar registro bruto", "Antes", "Depois")]
    public void ShowRaw_TheStoredRecordIndented_ForThatRowOnly_AndHiddenAgain(string culture, string hideRaw, string before, string after)
    {
        using var language = Localizers.UiCulture(culture);
        var table = RenderAudit(_roleByPlan, _removed);
        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("[data-testid=audit-show-raw]").Count), _patience);

        table.FindAll("[data-testid=audit-show-raw]")[0].Click();

        var raw = table.Find("[data-testid=audit-raw]");
        Assert.Equal(2, table.FindAll("[data-testid=audit-raw] pre").Count);
        Assert.Equal("{\n  \"Role\": 5,\n  \"SeatTier\": 1,\n  \"Status\": 0\n}", raw.QuerySelectorAll("pre")[0].TextContent.ReplaceLineEndings("\n"));
        Assert.Contains("\"Role\": 1", raw.QuerySelectorAll("pre")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(before, raw.TextContent, StringComparison.Ordinal);
        Assert.Contains(after, raw.TextContent, StringComparison.Ordinal);
        Assert.Equal(hideRaw, table.FindAll("[data-testid=audit-show-raw]")[0].TextContent.Trim());
        Assert.Equal("true", table.FindAll("[data-testid=audit-show-raw]")[0].GetAttribute("aria-expanded"));

        table.FindAll("[data-testid=audit-show-raw]")[0].Click();

        Assert.Empty(table.FindAll("[data-testid=audit-raw]"));
    }

    [Fact]
    public void Rows_NothingStored_NoChangeNoRawButton_Unreadable_TheStoredTextAsIs()
    {
        using var language = Localizers.UiCulture("en");

        var table = RenderAudit(_domain, _broken);

        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("tbody tr").Count), _patience);
        var cells = table.FindAll("[data-testid=audit-change]");
        Assert.Contains("audit-change-none", cells[0].ClassList);
        Assert.Empty(cells[0].QuerySelectorAll("[data-testid=audit-show-raw]"));
        Assert.Equal("After: {not json", cells[1].QuerySelector("[data-testid=audit-change-unread]")!.TextContent.Trim());
        Assert.NotNull(cells[1].QuerySelector("[data-testid=audit-show-raw]"));
    }

    [Fact]
    public void PersonFilter_AskedOfTheServer_AndCarriedToTheExport()
    {
        using var language = Localizers.UiCulture("en");
        var table = RenderAudit(_roleByPlan);
        table.WaitForAssertion(() => Assert.Single(table.FindAll("tbody tr")), _patience);

        table.Find("input[data-testid=audit-person], [data-testid=audit-person] input").Input("carol@acme.test");

        table.WaitForAssertion(() => Assert.Equal("carol@acme.test", _asked[^1].Person), _patience);
        Assert.Equal($"/orgs/{Guid.Empty}/audit/log.csv?person=carol%40acme.test", table.Find("[data-testid=export-audit-csv]").GetAttribute("href"));
    }

    [Theory]
    [InlineData("en", "Directory sync (SCIM)")]
    [InlineData("pt-BR", "Sincronização de diretório (SCIM)")]
    public void Who_TheProductsOwnPath_InTheLanguage_APersonAsNamed(string culture, string directorySync)
    {
        using var language = Localizers.UiCulture(culture);
        var byIdp = new AuditEvent { OccurredAt = _at, Actor = SystemActors.DirectorySync, Action = "membership.provisioned", Target = "dave@acme.test" };
        var table = RenderAudit(byIdp, Entry("membership.role_changed", "carol@acme.test", null, null));

        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("tbody tr").Count), _patience);
        var who = table.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Equal([directorySync, "Alice Anders"], who);
    }

    [Theory]
    [InlineData("en", "Alice Anders · API key \"terraform (0123456789ab)\"")]
    [InlineData("pt-BR", "Alice Anders · chave de API \"terraform (0123456789ab)\"")]
    public void Who_ThroughTheApi_ThePersonAndTheKey_InTheLanguage(string culture, string who)
    {
        using var language = Localizers.UiCulture(culture);
        var throughApi = new AuditEvent
        {
            OccurredAt = _at,
            Actor = "Alice Anders",
            ViaApiKey = "terraform (0123456789ab)",
            Action = "provisioning.settings_changed",
            Target = "Acme",
        };
        var table = RenderAudit(throughApi, Entry("membership.role_changed", "carol@acme.test", null, null));

        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("tbody tr").Count), _patience);
        var cells = table.FindAll("tbody tr").Select(r => System.Text.RegularExpressions.Regex.Replace(r.QuerySelectorAll("td")[1].TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Equal([who, "Alice Anders"], cells);
    }

    private static AuditEvent Entry(string action, string target, string? before, string? after) =>
        new() { OccurredAt = _at, Actor = "Alice Anders", Action = action, Target = target, Before = before, After = after };

    private static List<string> Lines(IRenderedComponent<AuditTable> table, int row) =>
        [.. table.FindAll("[data-testid=audit-change]")[row].QuerySelectorAll("[data-testid=audit-change-line]").Select(l => l.TextContent.Trim())];
}
