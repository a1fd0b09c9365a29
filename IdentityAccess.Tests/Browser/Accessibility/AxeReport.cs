using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>
/// Collects axe's findings over the states a journey passes through and fails once at the end, so one run names every
/// broken rule on every screen instead of stopping at the first.
/// </summary>
public sealed class AxeReport
{
    private readonly List<string> _failures = [];
    private readonly List<string> _checked = [];

    public async Task CheckAsync(IPage page, string where)
    {
        var violations = await AxeCore.RunAsync(page);
        _checked.Add(where);
        if (violations.Count > 0)
        {
            _failures.Add(AxeCore.Describe(where, violations));
        }
    }

    public void AssertClean()
    {
        Assert.NotEmpty(_checked);
        Assert.True(_failures.Count == 0, string.Join("\n\n", _failures));
    }
}
