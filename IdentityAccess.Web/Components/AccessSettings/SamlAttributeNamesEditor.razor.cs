using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Connections;
using Microsoft.AspNetCore.Components;

namespace IdentityAccess.Web.Components.AccessSettings;

public sealed partial class SamlAttributeNamesEditor
{
    [Parameter, EditorRequired] public ParentSettingsScope Scope { get; set; } = default!;

    /// <summary>When the connection last changed: a metadata import may set new names, so the editor reads them again.</summary>
    [Parameter, EditorRequired] public DateTimeOffset ConnectionUpdatedAt { get; set; }

    /// <summary>For those who may not change the parent's connection.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    [Inject] private SamlAttributeNamesService Names { get; set; } = default!;

    private SamlAttributeNamesState? _state;
    private (ParentSettingsScope Scope, DateTimeOffset UpdatedAt)? _loadedFor;
    private SamlAttributePreset _preset;
    private SamlCustomAttributes _names = SamlAttributePresets.Names(SamlAttributePreset.Custom);
    private Error? _error;
    private bool _busy;
    private bool _saved;

    private bool Changed => _state?.View is { } view && (view.Preset != _preset || view.Names != _names.Normalized());

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (Scope, ConnectionUpdatedAt))
        {
            return;
        }

        _loadedFor = (Scope, ConnectionUpdatedAt);
        _state = new SamlAttributeNamesState(Names, Scope);
        await _state.LoadAsync();
        ShowSaved();
    }

    private void ShowSaved()
    {
        if (_state?.View is { } view)
        {
            (_preset, _names) = (view.Preset, view.Names);
        }
    }

    private void FillFromPreset() => (_names, _saved) = (SamlAttributePresets.Names(_preset), false);

    private async Task SaveAsync()
    {
        (_busy, _saved) = (true, false);
        try
        {
            _error = await _state!.SaveAsync(_preset, _names);
            if (_error is null)
            {
                ShowSaved();
                _saved = true;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
