using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>What <see cref="GlobalSsoSection"/> reads for its scope, as carried from the prerender into the circuit.</summary>
/// <param name="Admins">The parent's admins, for those who may not change these settings; null for those who may.</param>
public sealed record GlobalSsoData(IReadOnlyList<DomainView> Domains, SamlConnectionView? Saml, IReadOnlyList<ScimTokenInfo> Tokens, IReadOnlyList<ParentAdminView>? Admins);
