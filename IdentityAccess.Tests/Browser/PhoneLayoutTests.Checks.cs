using IdentityAccess.Tests.Browser.Accessibility;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>What a phone's width asks of a page, a dialog and a row of filters; each check notes its faults.</summary>
public sealed partial class PhoneLayoutTests
{
    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await PortalPage.WaitInteractiveAsync(page);
    }

    private async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        // The widest elements name the fault: those whose right edge passes the window's.
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const width = window.innerWidth;
              if (document.documentElement.scrollWidth <= width + 1) return [];
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length > 0)
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
                .slice(0, 4)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')}[${e.getAttribute('data-testid') ?? ''}] right=${Math.round(e.getBoundingClientRect().right)}`);
              return [`${document.documentElement.scrollWidth}px wide in a ${width}px window`, ...wide];
            }
            """);
        if (found.Length > 0)
        {
            _faults.Add($"{where} scrolls sideways: {string.Join("; ", found)}");
        }
    }

    /// <summary>
    /// Seen, inside the window's width, and pressable (Playwright's trial press: every check, no click). The box is read
    /// before the press, which would scroll a sideways-scrolling table to it and hide the fault. A button disabled
    /// until something is done (typed, picked) is only looked at: being inside the width is what it can show.
    /// </summary>
    private async Task AssertReachableAsync(IPage page, ILocator action, string name)
    {
        await Expect(action).ToBeVisibleAsync();
        var box = await action.BoundingBoxAsync();
        var width = page.ViewportSize!.Width;
        if (box is null || box.X < -1 || box.X + box.Width > width + 1)
        {
            _faults.Add($"{name} is drawn at x={box?.X:0}..{box?.X + box?.Width:0} in a {width}px window");
            return;
        }

        if (await action.IsDisabledAsync())
        {
            return;
        }

        try
        {
            await action.ClickAsync(new() { Trial = true, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            _faults.Add($"{name} cannot be pressed (covered or disabled)");
        }
    }

    /// <summary>A MudBlazor text field's input (a textarea when it has lines): the test id lands on the input or on its wrapper.</summary>
    private static ILocator TextBox(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>The button drawn inside a text field, after its text (Copy).</summary>
    private static ILocator AdornmentButton(ILocator textBox) => textBox.Locator("xpath=ancestor::div[contains(@class, 'mud-input')][1]//button").First;

    /// <summary>
    /// All of a field's text is in view: a read-only input scrolls a long value sideways inside itself, which neither
    /// the page nor the dialog shows as overflow, and the person sees the address cut at the edge.
    /// </summary>
    private async Task AssertTextReadableAsync(ILocator textBox, string name)
    {
        var size = await textBox.EvaluateAsync<double[]>("e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]");
        if (size[0] > size[1] + 1 || size[2] > size[3] + 1)
        {
            _faults.Add($"{name} is cut: {size[0]:0}x{size[2]:0}px of text in a {size[1]:0}x{size[3]:0}px box");
        }
    }

    /// <summary>
    /// A field's placeholder fits in it, measured in the placeholder's own font against the room the input's padding
    /// leaves (a placeholder never wraps or scrolls: what does not fit is simply not seen).
    /// </summary>
    private async Task AssertPlaceholderFitsAsync(ILocator textBox, string name)
    {
        var fit = await textBox.EvaluateAsync<double[]>(
            """
            e => {
              const font = getComputedStyle(e, '::placeholder'), box = getComputedStyle(e);
              const context = document.createElement('canvas').getContext('2d');
              context.font = `${font.fontStyle} ${font.fontWeight} ${font.fontSize} ${font.fontFamily}`;
              return [context.measureText(e.placeholder).width, e.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight)];
            }
            """);
        if (fit[0] > fit[1] + 0.5)
        {
            _faults.Add($"{name}: the placeholder '{await textBox.GetAttributeAsync("placeholder")}' needs {fit[0]:0}px, the field has {fit[1]:0}px");
        }
    }

    /// <summary>The box a person sees around a text field's input: its outline (a field's Style, a max-width, lands there).</summary>
    private static async Task<LayoutBox?> FieldBoxAsync(ILocator scope, string testId)
    {
        if (await TextBox(scope, testId).CountAsync() == 0)
        {
            return null;
        }

        var box = await TextBox(scope, testId).EvaluateAsync<double[]>(
            "e => { const r = e.closest('.mud-input').getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }");
        return new LayoutBox(box[0], box[1], box[2], box[3]);
    }

    /// <summary>The open dialog holding <paramref name="testId"/>: its frame, title, content and buttons.</summary>
    private static ILocator Dialog(IPage page, string testId) =>
        page.Locator(".mud-dialog-container").Filter(new() { Has = page.GetByTestId(testId) }).Locator(".mud-dialog");

    /// <summary>
    /// A dialog on a phone: inside the window, nothing in it past its edges or scrolling sideways (a long address,
    /// token or group id wraps), and each of its buttons inside the width and pressable. Saved as a picture to look at.
    /// </summary>
    private async Task AssertDialogFitsAsync(IPage page, ILocator dialog, string name, string screenshot)
    {
        await Expect(dialog).ToBeVisibleAsync();
        await Animations.SettleAsync(page); // MudBlazor grows the dialog in: measured once it has its size
        await AssertNoSidewaysScrollAsync(page, name);
        var found = await dialog.EvaluateAsync<string[]>(
            """
            d => {
              const width = window.innerWidth, box = d.getBoundingClientRect(), faults = [];
              if (box.left < -1 || box.right > width + 1) faults.push(`the dialog is drawn at x=${Math.round(box.left)}..${Math.round(box.right)}`);
              const name = e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')}[${e.getAttribute('data-testid') ?? ''}]`;
              for (const e of d.querySelectorAll('*')) {
                // A press's ripple grows past its button for a moment, clipped by it: not part of the layout.
                if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden' || e.closest('.mud-ripple-effect')) continue;
                const r = e.getBoundingClientRect();
                if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) faults.push(`${name(e)} at x=${Math.round(r.left)}..${Math.round(r.right)}`);
                const overflow = getComputedStyle(e).overflowX;
                if ((overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1) faults.push(`${name(e)} scrolls sideways (${e.scrollWidth}px in ${e.clientWidth}px)`);
              }
              return faults.slice(0, 6);
            }
            """);
        if (found.Length > 0)
        {
            _faults.Add($"{name} does not fit a {page.ViewportSize!.Width}px window (dialog x=0..{page.ViewportSize.Width}): {string.Join("; ", found)}");
        }

        var buttons = dialog.Locator("button:visible");
        for (var i = 0; i < await buttons.CountAsync(); i++)
        {
            await AssertReachableAsync(page, buttons.Nth(i), $"{name}: button #{i} '{(await buttons.Nth(i).InnerTextAsync()).Trim()}'");
        }

        await Screenshots.SaveAsync(page, screenshot);
    }

    /// <summary>
    /// The From and To days of a log's period on a phone: one above the other, each as wide as the table's other
    /// filters, their left edges on the table's.
    /// </summary>
    private async Task AssertPeriodStackedAsync(IPage page, ILocator table, string name)
    {
        var from = await FieldBoxAsync(table, "log-from");
        var to = await FieldBoxAsync(table, "log-to");
        var toolbar = await table.Locator(".mud-table-toolbar").BoundingBoxAsync();
        if (from is null || to is null || toolbar is null)
        {
            _faults.Add($"{name}: the period's days are not shown");
            return;
        }

        var inner = toolbar.Width - 2 * 16; // MudBlazor's toolbar gutters
        if (Math.Abs(from.X - to.X) > 1 || to.Y < from.Y + from.Height - 1)
        {
            _faults.Add($"{name}: From and To are not one above the other (From at {from.X:0},{from.Y:0}, To at {to.X:0},{to.Y:0})");
        }

        if (from.Width < inner - 2 || to.Width < inner - 2 || Math.Abs(from.X - (toolbar.X + 16)) > 2)
        {
            _faults.Add($"{name}: From and To are {from.Width:0} and {to.Width:0}px wide at x={from.X:0}, not the toolbar's {inner:0}px from x={toolbar.X + 16:0}");
        }
    }

    private sealed record LayoutBox(double X, double Y, double Width, double Height);
}
