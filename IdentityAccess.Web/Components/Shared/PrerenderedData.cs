using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>
/// A section's data as its prerender read it, carried into the interactive render as persistent component state: a
/// public <c>[PersistentState]</c> property of this type on the section, which the framework serializes into the page
/// (protected by the server) and restores when the circuit starts, so the circuit shows the data without reading it
/// again. <see cref="For"/> names what it was read for (the organization or parent, and the person): it is used only
/// for the same, and only once.
/// </summary>
public sealed record PrerenderedData<T>(string For, T Data);

public static class PrerenderedData
{
    /// <summary>The key of what a section reads: its organization or parent, the person, and whatever else shapes the read.</summary>
    public static string For(params object?[] parts) => string.Join('/', parts);

    /// <summary>In the interactive render right after the prerender: what the prerender read for <paramref name="key"/>.</summary>
    public static bool TryRestore<T>(this PrerenderedData<T>? prerendered, string key, RendererInfo renderer, [MaybeNullWhen(false)] out T data)
    {
        var restored = renderer.IsInteractive && prerendered is not null && prerendered.For == key;
        data = restored ? prerendered!.Data : default;
        return restored;
    }

    /// <summary>
    /// What the section persists: its data while prerendering, when within <see cref="PrerenderBudget"/>; nothing once
    /// interactive, so a later visit reads afresh.
    /// </summary>
    public static PrerenderedData<T>? Keep<T>(string key, T data, RendererInfo renderer) =>
        renderer.IsInteractive || !PrerenderBudget.Fits(data) ? null : new(key, data);
}
