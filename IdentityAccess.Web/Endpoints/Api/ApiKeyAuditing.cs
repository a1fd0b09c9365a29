using IdentityAccess.Core.Audit;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// What an endpoint writes through a key is audited as the key's creator and the key (<see cref="ActingThroughApiKey"/>).
/// Set on the whole <c>/api/v1</c> group, so no write of any resource can forget it; around each endpoint rather than in
/// <see cref="ApiKeyHandler"/>, since an ambient value set inside the authentication handler would not outlive it.
/// </summary>
internal static class ApiKeyAuditing
{
    public static TBuilder ActsThroughApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = context.HttpContext.RequiredApiCaller();
            using (ActingThroughApiKey.Begin(ActingThroughApiKey.Name(caller.Name, caller.Prefix)))
            {
                return await next(context);
            }
        });
}
