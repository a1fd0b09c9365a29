using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The parent's SSO connection as the SSO panel shows it, with what the IdP needs of this portal.</summary>
/// <param name="Configured">Whether IdP metadata was imported; until then <paramref name="Idp"/> and <paramref name="AttributeNames"/> are null.</param>
/// <param name="Enabled">Whether people sign in through the IdP now.</param>
/// <param name="HasVerifiedDomain">SSO is turned on only once the parent has verified an email domain.</param>
/// <param name="ServiceProvider">This portal's values to enter in the IdP.</param>
/// <param name="MetadataSource">The URL the metadata is refreshed from; null when it was pasted.</param>
/// <param name="PeopleWithGroupOverage">People whose last sign-in carried Entra's group-overage link instead of their groups.</param>
internal sealed record ApiSsoConnection(bool Configured, bool Enabled, bool HasVerifiedDomain, ApiServiceProvider ServiceProvider, ApiIdp? Idp,
    ApiSamlAttributeNames? AttributeNames, ApiMetadataSource? MetadataSource, int PeopleWithGroupOverage)
{
    public static ApiSsoConnection From(SamlConnectionView view, SamlAttributeNamesView? names, ApiServiceProvider serviceProvider, DateTimeOffset now)
    {
        var connection = view.Connection;
        return new(connection is not null, connection?.Enabled ?? false, view.HasVerifiedDomain, serviceProvider,
            connection is null ? null : ApiIdp.From(connection, now),
            connection is null || names is null ? null : ApiSamlAttributeNames.From(names),
            connection?.Source is { } source ? ApiMetadataSource.From(source) : null, view.PeopleWithGroupOverage);
    }
}
