using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The IdP the parent trusts, as its imported metadata describes it.</summary>
/// <param name="Preset">The IdP the attribute names started from (<c>EntraId</c>, <c>Okta</c>, … <c>Custom</c>).</param>
/// <param name="ReplacedAt">When the metadata was last replaced, while the previous one can still be rolled back to in the portal.</param>
internal sealed record ApiIdp(string EntityId, string SingleSignOnUrl, string Preset, bool AllowIdpInitiated, DateTimeOffset UpdatedAt,
    DateTimeOffset? ReplacedAt, IReadOnlyList<ApiIdpCertificate> Certificates)
{
    public static ApiIdp From(SamlConnectionDetails connection, DateTimeOffset now) => new(connection.EntityId, connection.SingleSignOnUrl,
        connection.Preset.ToString(), connection.AllowIdpInitiated, connection.UpdatedAt, connection.ReplacedAt,
        [.. connection.Certificates.Select(c => ApiIdpCertificate.From(c, now))]);
}
