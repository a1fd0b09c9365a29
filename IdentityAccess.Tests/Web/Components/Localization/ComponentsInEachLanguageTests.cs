using Bunit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// The Identity and access controls the help article names, rendered in each language: Portuguese (Brazil) in the
/// article's Portuguese words, Indonesian in Indonesian with the controls its edition quotes in English.
/// </summary>
public sealed class ComponentsInEachLanguageTests : ComponentTest
{
    [Theory]
    [InlineData("en", "Global SSO configuration", "Directory sync (SCIM)", "Set up SCIM", "Manage SCIM", "Sync now", "1,250 people in the directory")]
    [InlineData("pt-BR", "Configuração Global de SSO", "Sincronização de diretório (SCIM)", "Configurar SCIM", "Gerenciar SCIM", "Sincronizar agora", "1.250 pessoas no diretório")]
    [InlineData("id", "Global SSO Configuration", "Directory sync (SCIM)", "Setup SCIM", "Manage SCIM", "Sync now", "1.250 orang di direktori")]
    public void GlobalSsoConfiguration_InTheArticlesWords(string culture, string heading, string row, string setUp, string manage, string syncNow, string count)
    {
        using var language = Localizers.UiCulture(culture);

        var notSetUp = Render<GlobalSsoStatus>(p => p.Add(c => c.ParentName, "Acme").Add(c => c.ScimTokens, 0));
        var setUpAlready = Render<GlobalSsoStatus>(p => p.Add(c => c.ParentName, "Acme").Add(c => c.ScimTokens, 1).Add(c => c.AssignedDirectoryUsers, 1250));

        Assert.Equal(heading, notSetUp.Find("h2").TextContent.Trim());
        Assert.Contains(notSetUp.FindAll("th"), th => th.TextContent.Trim() == row);
        Assert.Equal(setUp, notSetUp.Find("[data-testid=set-up-scim]").TextContent.Trim());
        Assert.Equal(manage, setUpAlready.Find("[data-testid=set-up-scim]").TextContent.Trim());
        Assert.Equal(syncNow, setUpAlready.Find("[data-testid=sync-now]").TextContent.Trim());
        Assert.Contains(count, setUpAlready.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Directory sync (SCIM) is available on Enterprise plans only.")]
    [InlineData("pt-BR", "Directory sync (SCIM) está disponível apenas para planos Enterprise.")]
    [InlineData("id", "Directory sync (SCIM) hanya tersedia untuk paket Enterprise.")]
    public void ProvisioningMode_TeamPlan_SaysWhyOnce_InTheLanguage(string culture, string reasonStart)
    {
        using var language = Localizers.UiCulture(culture);

        var select = Render<ProvisioningModeSelect>(p => p.Add(c => c.Value, ProvisioningMode.Manual)
            .Add(c => c.Modes, ProvisioningModePolicy.Evaluate(OrganizationPlan.Team, ParentPlan.Team)));

        var reason = select.Find("[data-testid=mode-unavailable-reason]").TextContent.Trim();
        Assert.StartsWith(reasonStart, reason, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(reason, @"Directory sync \(SCIM\)")); // not "X is not available: X is …"
    }

    [Theory]
    [InlineData("en", "Total seats 1,200 · 0 free · 35 pending")]
    [InlineData("pt-BR", "Total de assentos 1.200 · livres: 0 · pendentes: 35")]
    [InlineData("id", "Total seats 1.200 · 0 kosong · 35 menunggu")]
    public void TotalSeats_AsTheArticleNamesIt(string culture, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        var panel = Render<SeatUsagePanel>(p => p.Add(c => c.Usage, [new SeatUsage(SeatTier.Premium, 1200, 1200, 35)]));

        Assert.Contains(expected, panel.Markup, StringComparison.Ordinal);
    }
}
