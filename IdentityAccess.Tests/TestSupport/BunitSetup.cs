using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace IdentityAccess.Tests.TestSupport;

public static class BunitSetup
{
    /// <summary>MudBlazor's services with loose JS interop (MudBlazor calls JS that bUnit need not answer).</summary>
    public static void AddIdentityAccessTestServices(this BunitContext context)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization(); // the portal's words (Localization/Portal.resx) in the thread's UI culture
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }
}
