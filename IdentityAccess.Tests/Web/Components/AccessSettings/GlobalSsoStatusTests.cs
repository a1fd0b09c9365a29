using Bunit;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>"Sync now" while it runs: a disabled, busy button with a labelled spinner, and a status line a screen reader reads.</summary>
public sealed class GlobalSsoStatusTests : ComponentTest
{
    private IRenderedComponent<GlobalSsoStatus> RenderStatus(bool syncing) =>
        Render<GlobalSsoStatus>(p => p.Add(c => c.ParentName, "Acme Corporation").Add(c => c.ScimTokens, 1).Add(c => c.Syncing, syncing));

    [Fact]
    public void SyncNow_Running_DisabledBusyWithLabelledSpinnerAndStatus()
    {
        var cut = RenderStatus(syncing: true);

        var button = cut.Find("[data-testid=sync-now]");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("true", button.GetAttribute("aria-busy"));
        Assert.Equal("Syncing", button.QuerySelector("[role=progressbar]")!.GetAttribute("aria-label"));
        Assert.Contains("Sync now", button.TextContent, StringComparison.Ordinal);
        var status = cut.Find("[data-testid=sync-progress]");
        Assert.Equal("status", status.GetAttribute("role"));
        Assert.Equal("Syncing the directory…", status.TextContent.Trim());
    }

    [Fact]
    public void SyncNow_Idle_EnabledWithNoSpinnerAndAnEmptyStatusLine()
    {
        var cut = RenderStatus(syncing: false);

        var button = cut.Find("[data-testid=sync-now]");
        Assert.False(button.HasAttribute("disabled"));
        Assert.Equal("false", button.GetAttribute("aria-busy"));
        Assert.Empty(cut.FindAll("[role=progressbar]"));
        Assert.Equal("", cut.Find("[data-testid=sync-progress]").TextContent.Trim()); // the live region waits, present but empty
    }
}
