using Bunit;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Tests.Web.Components.Members;

public sealed class SeatUsagePanelTests : ComponentTest
{
    [Fact]
    public void Render_PerTier_ShowsTotalFreeAndPending()
    {
        SeatUsage[] usage = [new(SeatTier.Premium, 10, 10, 3), new(SeatTier.Standard, 20, 12, 0)];

        var cut = Render<SeatUsagePanel>(p => p.Add(c => c.Usage, usage));

        var text = cut.Find("[data-testid=seat-usage]").TextContent;
        Assert.Contains("Premium seats", text);
        Assert.Contains("Total seats 10 · 0 free · 3 pending", text);
        Assert.Contains("Total seats 20 · 8 free", text);
    }

    [Fact]
    public void Render_Console_ShowsUntieredSeats()
    {
        var cut = Render<SeatUsagePanel>(p => p.Add(c => c.Usage, [new SeatUsage(null, 5, 2, 0)]));

        Assert.Contains("Seats", cut.Markup);
        Assert.DoesNotContain("Premium", cut.Markup);
    }
}
