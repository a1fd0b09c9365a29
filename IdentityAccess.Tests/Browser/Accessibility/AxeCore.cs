using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>
/// axe-core, the accessibility rules engine, run inside the page as it is on screen. The package is installed from its
/// lock file in IdentityAccess.Tests/axe (scripts/test.sh runs npm ci there) and injected as a plain script tag.
/// </summary>
public static class AxeCore
{
    /// <summary>The WCAG 2.0 and 2.1 A and AA rules; the "best practice" rules are advice, not conformance.</summary>
    private static readonly string[] _tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> _script = new(Locate);

    /// <summary>Runs the rules over the whole document (the page, plus any open dialog, menu or snackbar).</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Path = _script.Value });
        }

        await Animations.SettleAsync(page); // a half-faded popover or snackbar has a contrast it never has once shown

        // As JSON text: Playwright's own conversion builds objects only through parameterless constructors.
        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
                // A snackbar that started fading out after the page settled is on its way off the screen: its half-blended
                // colours are not what anyone reads, so it is left out (seen on a loaded machine, where they time out sooner).
                document.querySelectorAll('.mud-snackbar').forEach(s => {
                    if (parseFloat(getComputedStyle(s).opacity) < 1) s.setAttribute('data-axe-leaving', '');
                });
                const result = await axe.run({ exclude: [['[data-axe-leaving]']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id,
                    impact: v.impact ?? '',
                    help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
                })));
            }
            """, _tags);
        return JsonSerializer.Deserialize<AxeViolation[]>(json) ?? [];
    }

    /// <summary>Fails with every violation spelled out: the rule, each element it found, and what axe says to fix.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string where)
    {
        var violations = await RunAsync(page);
        Assert.True(violations.Count == 0, Describe(where, violations));
    }

    public static string Describe(string where, IReadOnlyList<AxeViolation> violations)
    {
        var text = new StringBuilder($"{violations.Count} accessibility rule(s) broken on {where}:");
        foreach (var violation in violations)
        {
            text.Append("\n  ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help);
            foreach (var node in violation.Nodes)
            {
                text.Append("\n    at ").Append(node.Target).Append("\n      ").Append(node.Summary.Replace("\n", "\n      ", StringComparison.Ordinal));
            }
        }

        return text.ToString();
    }

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IdentityAccess.sln")))
        {
            dir = dir.Parent;
        }

        var package = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "IdentityAccess.Tests", "axe");
        var script = Path.Combine(package, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(script)
            ? script
            : throw new InvalidOperationException($"axe-core is not installed at {script}. Run `npm ci` in {package} (scripts/test.sh does).");
    }
}
