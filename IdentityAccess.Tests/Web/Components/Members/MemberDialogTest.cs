using AngleSharp.Dom;
using Bunit;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Members;

/// <summary>Shows a dialog the way a page does, through the dialog service and its provider, so it renders as in the app.</summary>
public abstract class MemberDialogTest : ComponentTest
{
    protected MemberDialogTest()
    {
        Popovers = Render<MudPopoverProvider>();
        Provider = Render<MudDialogProvider>();
    }

    protected IRenderedComponent<MudPopoverProvider> Popovers { get; }

    protected IRenderedComponent<MudDialogProvider> Provider { get; }

    protected IDialogReference Dialog { get; private set; } = default!;

    protected async Task ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        Dialog = await Provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("", parameters));
        Provider.WaitForAssertion(() => Assert.NotEmpty(Provider.FindAll(".mud-dialog")));
    }

    /// <summary>Opens the select marked with <paramref name="testId"/> and returns its options as shown.</summary>
    protected IReadOnlyList<string> OpenSelect(string testId)
    {
        SelectControl(testId).MouseDown();
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-popover-open .mud-list-item")));
        return [.. Popovers.FindAll(".mud-popover-open .mud-list-item").Select(e => e.TextContent.Trim())];
    }

    protected void Pick(string testId, string option)
    {
        OpenSelect(testId);
        Popovers.FindAll(".mud-popover-open .mud-list-item").Single(e => e.TextContent.Trim().StartsWith(option, StringComparison.Ordinal)).Click();
    }

    /// <summary>The text box marked with <paramref name="testId"/> (MudBlazor puts the mark on the input or around it).</summary>
    protected IElement TextBox(string testId)
    {
        var marked = Provider.Find($"[data-testid={testId}]");
        return marked.TagName == "INPUT" ? marked : marked.QuerySelector("input")!;
    }

    private IElement SelectControl(string testId)
    {
        var marked = Provider.Find($"[data-testid={testId}]");
        return marked.Closest(".mud-input-control") ?? marked.QuerySelector(".mud-input-control") ?? marked;
    }
}
