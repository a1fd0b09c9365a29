using Bunit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Parents;

namespace IdentityAccess.Tests.Web.Components.Parents;

public sealed class ParentSetupChecklistTests : ComponentTest
{
    private static readonly Guid _organization = Guid.NewGuid();

    private static ParentSetupProgress Progress(bool domain = false, bool sso = false, bool token = false, bool scim = false, bool mode = false, bool groups = false) =>
        new(domain, sso, token, scim, mode, groups, _organization);

    private static List<(string? Step, string? State)> Steps(IRenderedComponent<ParentSetupChecklist> cut) =>
        [.. cut.FindAll("[data-step]").Select(li => (li.GetAttribute("data-step"), li.GetAttribute("data-state")))];

    [Fact]
    public void Render_HalfwayWithDirectorySync_StepsInTheArticlesOrder_TheTokenStillToDo_LinksToTheOrganization()
    {
        var cut = Render<ParentSetupChecklist>(p => p.Add(c => c.Progress, Progress(domain: true, sso: true, scim: true, mode: true)));

        Assert.Equal([("Domain", "Done"), ("Sso", "Done"), ("Scim", "ToDo"), ("Mode", "Done"), ("Groups", "Optional")], Steps(cut));
        Assert.Equal($"/orgs/{_organization}/identity", cut.Find("[data-testid=setup-open-Groups]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=setup-open-Mode]")); // done: nothing to open
        Assert.Empty(cut.FindAll("[data-testid=setup-complete]"));
    }

    [Fact]
    public void Render_JitEverywhere_ScimNotNeeded_AndCompleteOnceSsoIsOn()
    {
        var cut = Render<ParentSetupChecklist>(p => p.Add(c => c.Progress, Progress(domain: true, mode: true)));
        Assert.Contains(("Scim", "NotNeeded"), Steps(cut));
        Assert.Contains(("Sso", "ToDo"), Steps(cut));

        var complete = Render<ParentSetupChecklist>(p => p.Add(c => c.Progress, Progress(domain: true, sso: true, mode: true)));
        Assert.Empty(complete.FindAll("[data-step]"));
        Assert.NotEmpty(complete.FindAll("[data-testid=setup-complete]"));
    }

    [Fact]
    public void Render_NotAllowedToViewTheParent_Nothing()
    {
        var cut = Render<ParentSetupChecklist>(p => p.Add(c => c.Progress, (ParentSetupProgress?)null));

        Assert.Empty(cut.Markup.Trim());
    }

    [Theory]
    [InlineData("en", "Getting started", "Verify a domain", "Set up SCIM", "Choose a provisioning mode", "to do")]
    [InlineData("pt-BR", "Primeiros passos", "Verifique um domínio", "Configurar SCIM", "Escolha um modo de provisionamento", "a fazer")]
    [InlineData("id", "Memulai", "Verifikasi domain", "Setup SCIM", "Pilih Provisioning mode", "belum")] // the edition quotes "Setup SCIM"
    public void Render_InEachLanguage_TheArticlesWords(string culture, string heading, string domain, string scim, string mode, string toDo)
    {
        using var language = Localizers.UiCulture(culture);

        var cut = Render<ParentSetupChecklist>(p => p.Add(c => c.Progress, Progress(scim: true)));

        Assert.Equal(heading, cut.Find("h2").TextContent.Trim());
        Assert.StartsWith(domain, cut.Find("[data-step=Domain]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(toDo, cut.Find("[data-step=Domain]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith(scim, cut.Find("[data-step=Scim]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith(mode, cut.Find("[data-step=Mode]").TextContent.Trim(), StringComparison.Ordinal);
    }
}
