using System.Globalization;
using IdentityAccess.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>The portal's localizer outside the app, and a scope that reads and formats in one language.</summary>
public static class Localizers
{
    public static IStringLocalizer<Portal> Portal() =>
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Portal>>();

    /// <summary>Sets the thread's culture and UI culture until disposed, as the request localization does for a request.</summary>
    public static IDisposable UiCulture(string culture) => new CultureScope(CultureInfo.GetCultureInfo(culture));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }
}
