using MudBlazor;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>
/// A MudTable with <c>ServerData</c> that asks for its first page while it initializes, not only after its first render:
/// prerendering never runs after-render code, so a plain server-data table reaches the first response empty. The page's
/// ServerData function decides where that first page comes from (already read, or read now); MudTable asks again after
/// its first render, and the function may answer from what it already holds.
/// </summary>
public sealed class EagerServerTable<T> : MudTable<T>
{
    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await ReloadServerData();
    }
}
