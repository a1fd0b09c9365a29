using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Base for bUnit tests. xunit 2 disposes test classes synchronously, and MudBlazor's popover service can only be
/// disposed asynchronously, so disposal goes through IAsyncLifetime.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest() => this.AddIdentityAccessTestServices();

    /// <summary>For a component that injects more: services are registered before anything is resolved.</summary>
    protected ComponentTest(Action<IServiceCollection> services)
    {
        services(Services);
        this.AddIdentityAccessTestServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
