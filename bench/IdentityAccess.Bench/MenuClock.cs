using Microsoft.Playwright;

namespace IdentityAccess.Bench;

/// <summary>
/// A move within the portal timed in the page, as a person sees it: from the click's own event (its timeStamp, when
/// the press happened) to the first animation frame in which the next page's content has a box. Playwright's click
/// (scrolling, waiting for the target to be stable, hit-testing) and its polling wait are outside this figure.
/// </summary>
internal static class MenuClock
{
    // The window survives a move within the portal (the circuit renders the next page into the same document).
    private const string Start = """
        (selector) => {
            const clock = window.__iaMenuClock = {};
            document.addEventListener('click', e => { clock.clickAt = e.timeStamp; }, { capture: true, once: true });
            const look = () => {
                const found = clock.clickAt !== undefined && document.querySelector(selector);
                if (found && found.getBoundingClientRect().height > 0) { clock.drawnAt = performance.now(); return; }
                requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
        }
        """;

    /// <summary>Arms the clock for the next click; <paramref name="selector"/> must match only the next page's content.</summary>
    public static Task StartAsync(IPage page, string selector) => page.EvaluateAsync(Start, selector);

    /// <summary>Milliseconds from the click to the content's first frame (waits for that frame if it is still to come).</summary>
    public static async Task<double> ReadAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__iaMenuClock?.drawnAt !== undefined");
        return await page.EvaluateAsync<double>("() => window.__iaMenuClock.drawnAt - window.__iaMenuClock.clickAt");
    }
}
