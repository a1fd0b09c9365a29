using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser;

/// <summary>Browser tests save what the person saw under artifacts/screenshots at the repository's top level.</summary>
public static class Screenshots
{
    public static string Folder { get; } = CreateFolder();

    /// <summary>The viewport as a person sees it (a full-page capture would draw the fixed app bar mid-page).</summary>
    public static Task SaveAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });

    private static string CreateFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IdentityAccess.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
