using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>Waits until what is on screen stops moving, so a check sees the page as a person does once it has settled.</summary>
public static class Animations
{
    /// <summary>
    /// A transition starts at the next style update, so a frame passes first (MudBlazor eases a chip button's outline in
    /// over 0.3 s). Endless ones, such as a spinner, are left running: they never finish.
    /// </summary>
    public static Task SettleAsync(IPage page) => page.EvaluateAsync(
        """
        async () => {
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            const finite = document.getAnimations().filter(a => a.effect?.getComputedTiming().endTime !== Infinity);
            await Promise.all(finite.map(a => a.finished.catch(() => null)));
        }
        """);
}
