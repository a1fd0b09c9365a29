using Bunit;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.DirectorySync;

namespace IdentityAccess.Tests.Web.Components.DirectorySync;

public sealed class SyncHealthPanelTests : ComponentTest
{
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static TokenSyncHealth Token(string prefix, TimeSpan? sinceLastRequest, int requests = 0, int errors = 0, LoggedError? lastError = null,
        TimeSpan? age = null) =>
        new(Guid.NewGuid(), prefix, _now - (age ?? TimeSpan.FromDays(3)), _now - sinceLastRequest, requests, errors, lastError);

    private IRenderedComponent<SyncHealthPanel> RenderPanel(int revokedRequests = 0, params TokenSyncHealth[] tokens) =>
        Render<SyncHealthPanel>(p => p
            .Add(c => c.Status, new DirectorySyncStatus(_now, tokens, revokedRequests, new HashSet<string>()))
            .Add(c => c.LogHref, "/orgs/1/directory-sync"));

    [Fact]
    public void ActiveToken_ShowsLastRequestCountsAndLastError_NoWarning()
    {
        var cut = RenderPanel(0, Token("ia_scim_AAAA", TimeSpan.FromMinutes(35), 120, 3, new LoggedError(409, "A user with userName 'x' already exists.", _now.AddHours(-3))));

        var row = cut.Find("tr[data-token='ia_scim_AAAA']");
        Assert.Equal("35 min ago", row.QuerySelector("[data-testid=last-request]")!.TextContent.Trim());
        Assert.Equal("120 requests, 3 errors", string.Join(" ", row.QuerySelector("[data-testid=last-day]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var lastError = row.QuerySelector("[data-testid=last-error]")!.TextContent;
        Assert.Contains("409 Conflict", lastError, StringComparison.Ordinal);
        Assert.Contains("already exists", lastError, StringComparison.Ordinal);
        Assert.Contains("3 h ago", lastError, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=quiet-token]")); // 35 minutes is within Entra's cycle
        Assert.Contains("about every 40 minutes", cut.Find("[data-testid=entra-cycle]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/orgs/1/directory-sync", cut.Find("[data-testid=view-sync-log]").GetAttribute("href"));
    }

    [Fact]
    public void TokenSilentForMoreThanTwoHours_Warned()
    {
        var cut = RenderPanel(0, Token("ia_scim_QUIET", TimeSpan.FromHours(3)), Token("ia_scim_BUSY", TimeSpan.FromMinutes(5)));

        var warning = Assert.Single(cut.FindAll("[data-testid=quiet-token]"));
        Assert.Contains("No request with token ia_scim_QUIET… for 3 h.", warning.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NewTokenNeverUsed_WarnedOnlyAfterTwoHours()
    {
        var fresh = RenderPanel(0, Token("ia_scim_NEW", null, age: TimeSpan.FromMinutes(30)));
        var stale = RenderPanel(0, Token("ia_scim_OLD", null, age: TimeSpan.FromHours(5)));

        Assert.Empty(fresh.FindAll("[data-testid=quiet-token]"));
        Assert.Equal("Never", fresh.Find("[data-testid=last-request]").TextContent.Trim());
        Assert.Contains("has not been used since it was created 5 h ago", stale.Find("[data-testid=quiet-token]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RevokedTokenStillInUse_Alerted()
    {
        var quiet = RenderPanel(0, Token("ia_scim_AAAA", TimeSpan.FromMinutes(1)));
        var revoked = RenderPanel(4, Token("ia_scim_AAAA", TimeSpan.FromMinutes(1)));

        Assert.Empty(quiet.FindAll("[data-testid=revoked-token-in-use]"));
        Assert.Contains("4 requests in the last 24 hours came with a revoked token", revoked.Find("[data-testid=revoked-token-in-use]").TextContent, StringComparison.Ordinal);
    }
}
