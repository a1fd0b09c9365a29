using Bunit;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.DirectorySync;

namespace IdentityAccess.Tests.Web.Components.DirectorySync;

/// <summary>The sync log pages on the server; while a page is on its way a labelled bar shows, not "No SCIM requests match".</summary>
public sealed class ProvisioningLogTableLoadingTests : ComponentTest
{
    private readonly TaskCompletionSource<ProvisioningLogPage> _page = new();

    private IRenderedComponent<ProvisioningLogTable> RenderTable() => Render<ProvisioningLogTable>(p => p
        .Add(c => c.LoadPage, (_, _) => _page.Task)
        .Add(c => c.ExportUrl, (filter, format) => DirectorySyncLabels.ExportUrl(Guid.Empty, filter, format)));

    [Fact]
    public void FirstPage_OnItsWay_ShowsALabelledProgressBar_NotNothingMatches()
    {
        var cut = RenderTable();

        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(cut.Find("[role=progressbar]").GetAttribute("aria-label"))));
        Assert.DoesNotContain("No SCIM requests, sign-ins or Sync now runs match.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstPage_ArrivedEmpty_SaysNothingMatches()
    {
        var cut = RenderTable();

        _page.SetResult(new ProvisioningLogPage([], 0));

        cut.WaitForAssertion(() => Assert.Contains("No SCIM requests, sign-ins or Sync now runs match.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[role=progressbar]"));
    }
}
