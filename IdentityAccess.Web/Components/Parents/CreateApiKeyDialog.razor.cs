using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace IdentityAccess.Web.Components.Parents;

public sealed partial class CreateApiKeyDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Parameter, EditorRequired] public string ParentName { get; set; } = "";

    /// <summary>The parent's organizations, any of which the key may be limited to.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ParentOrganizationRow> Organizations { get; set; } = [];

    /// <summary>Creates; Core's refusal, if any, is shown here and the form stays.</summary>
    [Parameter, EditorRequired] public Func<NewApiKey, Task<(CreatedApiKey? Key, Error? Refusal)>> Create { get; set; } = default!;

    private readonly HashSet<Guid> _limitedTo = [];
    private string? _name;
    private ApiKeyScope _scope = ApiKeyScope.ReadOnly;
    private DateTime? _expires;
    private CreatedApiKey? _created; // its secret is in no other place: the dialog is the only time it is shown
    private Error? _error;
    private bool _busy;

    private void Toggle(Guid organizationId, bool on)
    {
        if (on)
        {
            _limitedTo.Add(organizationId);
        }
        else
        {
            _limitedTo.Remove(organizationId);
        }
    }

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            // The picked day in UTC, as the field's label says: the key stops working when that day begins.
            DateTimeOffset? expiresAt = _expires is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), TimeSpan.Zero) : null;
            (_created, _error) = await Create(new NewApiKey(_name ?? "", _scope, [.. _limitedTo], expiresAt));
        }
        finally
        {
            _busy = false;
        }
    }

    // The browser may refuse the clipboard (no permission, a page not served over https): say so instead of letting
    // the JavaScript error end the circuit.
    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", _created!.Token);
            Snackbar.Add(L["ApiKeys.Dialog.Copied"], Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add(L["ApiKeys.Dialog.CopyRefused"], Severity.Warning);
        }
    }
}
