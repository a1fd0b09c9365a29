using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// MudBlazor's own words (a dialog's Close, a required field, a table still loading) from the portal's resources,
/// under "<c>Mud.</c>" and MudBlazor's key. MudBlazor asks only outside English; a key not translated here falls back
/// to its built-in English.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<Portal> portal) : MudLocalizer
{
    public const string Prefix = "Mud.";

    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        var found = portal[Prefix + key, arguments];
        return new LocalizedString(key, found.Value, found.ResourceNotFound);
    }
}
