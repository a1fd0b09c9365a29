using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.GroupNames;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>What a validated assertion says under a connection's attribute names.</summary>
/// <param name="Identity">
/// The person (subject, email, names) with <see cref="SamlIdentity.Groups"/> holding the mapping keys the groups resolved
/// to; null when the subject is unusable (<paramref name="Unusable"/> says why).
/// </param>
/// <param name="Groups">Each value of the groups attribute, as sent, and what it resolved to; empty when the identity is unusable.</param>
public sealed record SamlMappedAssertion(SamlIdentity? Identity, Error? Unusable, IReadOnlyList<SamlGroupMatch> Groups)
{
    /// <summary>Group values that gave no group: ambiguous, unknown or unusable names.</summary>
    public IReadOnlyList<SamlGroupMatch> UnresolvedGroups => [.. new SamlGroupResolution(Groups).Unresolved];
}
