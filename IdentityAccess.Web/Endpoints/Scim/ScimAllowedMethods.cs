using Microsoft.AspNetCore.Routing.Template;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>The methods the SCIM endpoints take on a path, read from the app's own routes (so never a second list to keep).</summary>
internal sealed class ScimAllowedMethods(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> _routes = new(() =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ScimRequest.BasePath, StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), []),
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))),
    ]);

    public IReadOnlyList<string> For(PathString path) =>
        [.. _routes.Value.Where(r => r.Matcher.TryMatch(path, [])).SelectMany(r => r.Methods).Distinct().Order(StringComparer.Ordinal)];
}
