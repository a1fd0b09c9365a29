using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// The browser's languages on a first visit, matched by language rather than by exact culture: the built-in provider
/// would give a reader of "pt-PT" English, though the Brazilian edition reads well to them.
/// </summary>
internal sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage;
        if (StringValues.IsNullOrEmpty(header) || !StringWithQualityHeaderValue.TryParseList(header, out var languages))
        {
            return NullProviderCultureResult;
        }

        // Highest quality first; among equals, the browser's order (a stable sort).
        var match = languages.Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => PortalCultures.Match(l.Value.Value))
            .FirstOrDefault(culture => culture is not null);
        return match is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(match));
    }
}
