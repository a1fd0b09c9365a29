using System.Diagnostics;
using Microsoft.Playwright;

namespace IdentityAccess.Bench;

/// <summary>
/// What a page opened by URL shows before its circuit is up: the time until its real content is visible (not waiting
/// for the page to become interactive), and whether the server's first HTML response already holds that content.
/// </summary>
internal static class PageFirstPaint
{
    /// <summary>A page opened by URL, and what marks its real content in the DOM and in the HTML.</summary>
    /// <param name="Selector">Matches once the page's own data is drawn (a member row, the provisioning mode).</param>
    /// <param name="HtmlMarker">Text only the content puts in the markup; a progress bar does not.</param>
    public sealed record Target(string Name, string Path, string Selector, string HtmlMarker)
    {
        public ILocator Content(IPage page) => page.Locator(Selector);
    }

    // Installed in every document before its own scripts: on each animation frame, until the content has a box, it
    // looks for it, and keeps the time since the navigation started (performance.now()) of the first frame it is there.
    private const string ContentClock = """
        (selector) => {
            const look = () => {
                const found = document.querySelector(selector);
                if (found && found.getBoundingClientRect().height > 0) { window.__iaContentAt = performance.now(); return; }
                requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
        }
        """;

    public static async Task MeasureAsync(IPage page, Target target, int runs)
    {
        await page.Context.AddInitScriptAsync($"({ContentClock})({System.Text.Json.JsonSerializer.Serialize(target.Selector)})");
        var drawn = new List<double>();
        PagesBench.Report($"{target.Name} opened by URL, until its content is visible", await PagesBench.TimeAsync(runs, async () =>
        {
            // Commit: the navigation's response has begun. The content may then come from the HTML itself or, later, from the circuit.
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(target.Path, new() { WaitUntil = WaitUntilState.Commit });
            await target.Content(page).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            var visible = clock.Elapsed.TotalMilliseconds;
            await page.Locator("[data-interactive=yes]").WaitForAsync(); // settled before the next run, not timed
            drawn.Add(await page.EvaluateAsync<double>("() => window.__iaContentAt ?? -1"));
            return visible;
        }));
        PagesBench.Report($"{target.Name} opened by URL, first frame with its content (in the page, since the navigation started)", drawn);

        // The browser context's request client carries the sign-in cookie: the same request the navigation makes.
        var contains = 0;
        PagesBench.Report($"{target.Name}, first HTML response (the whole body)", await PagesBench.TimeAsync(runs, async () =>
        {
            var clock = Stopwatch.StartNew();
            var response = await page.Context.APIRequest.GetAsync(target.Path);
            var html = await response.TextAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            contains += html.Contains(target.HtmlMarker, StringComparison.Ordinal) ? 1 : 0;
            return elapsed;
        }));
        Console.WriteLine($"{target.Name}, first HTML response holds the content (\"{target.HtmlMarker}\"): {contains} of {runs + 1} responses");
    }
}
