using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.GroupNames;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// A validated assertion read the way a sign-in reads it, for the test sign-in: the identity under the connection's
/// attribute names and its groups resolved (names through the SCIM directory or the recorded names). Writes nothing:
/// nobody is linked or provisioned, and a name seen for the first time is reported as new without being recorded.
/// </summary>
public static class SamlAssertionMapping
{
    /// <param name="connection">The saved connection, or a draft of it (only its parent and attribute names are read).</param>
    public static async Task<SamlMappedAssertion> MapAsync(IdentityAccessDbContext db, SamlConnection connection, SamlAssertion assertion,
        TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        var profile = connection.Profile;
        var (identity, unusable) = SamlIdentityMapper.Map(assertion, profile);
        if (identity is null)
        {
            return new SamlMappedAssertion(null, unusable, []);
        }

        var groups = await SamlGroupNames.ResolveAsync(db, connection.ParentOrganizationId, profile.GroupsFormat, identity.Groups, record: false,
            time.GetUtcNow(), cancellationToken);
        return new SamlMappedAssertion(identity with { Groups = groups.Keys }, null, groups.Matches);
    }
}
