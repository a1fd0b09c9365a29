using System.Diagnostics;
using Microsoft.Playwright;

namespace IdentityAccess.Bench;

/// <summary>The pages bench's moves within the portal: its untimed warm-up trips and the steps the timed trips share.</summary>
internal static partial class PagesBench
{
    /// <summary>
    /// Untimed trips between the two pages first, as the SCIM and sign-in benches warm up: a profile of the first 80
    /// trips put half the process's CPU in the tiered JIT, still compiling the render paths, which a portal that has
    /// been up a while has long finished (IA_BENCH_MENU_WARMUP, default 60 trips each way).
    /// </summary>
    private static async Task MenuWarmUpAsync(IPage page)
    {
        var trips = int.TryParse(Environment.GetEnvironmentVariable("IA_BENCH_MENU_WARMUP"), out var set) ? set : 60;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < trips; i++)
        {
            await ToIdentityAsync(page);
            await ToMembersAsync(page);
        }

        Console.WriteLine($"menu warm-up: {trips} trips each way, not timed ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    // A member row's cell exists only once the members page's own data is drawn.
    private const string MemberRows = "[data-testid=member-table] tbody tr td";

    private static ILocator MembersLink(IPage page) => page.GetByTestId("nav-members");

    private static ILocator IdentityLink(IPage page) => page.GetByRole(AriaRole.Link, new() { Name = "Identity and access" }).First;

    /// <summary>An untimed move to the members page, until its rows are drawn.</summary>
    private static async Task ToMembersAsync(IPage page)
    {
        await MembersLink(page).ClickAsync();
        await page.Locator(MemberRows).First.WaitForAsync();
    }

    /// <summary>An untimed move to Identity and access, until "not members" is listed too.</summary>
    private static async Task ToIdentityAsync(IPage page)
    {
        await IdentityLink(page).ClickAsync();
        await WaitNotMembersListedAsync(page);
    }
}
