using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.GroupNames;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// A sign-in's groups as mapping keys (<see cref="SamlGroupNames"/>): names resolved in the ACS's transaction, first-seen
/// names recorded with the sign-in, and names that resolve to no group (ambiguous or unknown in the directory) left out
/// and reported in the parent's audit log, never guessed.
/// </summary>
public sealed partial class SamlSignInService
{
    private async Task<SamlIdentity> WithGroupKeysAsync(IdentityAccessDbContext db, Guid parentId, string idp, SamlGroupsFormat format, SamlIdentity identity,
        CancellationToken cancellationToken)
    {
        if (format == SamlGroupsFormat.Ids)
        {
            return identity;
        }

        var resolution = await SamlGroupNames.ResolveAsync(db, parentId, format, identity.Groups, record: true, time.GetUtcNow(), cancellationToken);
        if (resolution.Unresolved.Count > 0)
        {
            var unresolved = resolution.Unresolved.Select(m => m.Describe()).ToList();
            logger.LogWarning("SAML sign-in for parent {ParentId}, IdP {IdP}: group names left out: {Unresolved}", parentId, LogSafe.Quote(idp),
                string.Join("; ", unresolved));
            var who = identity.Email ?? identity.Subject;
            audit.Record(db, _signIn, "sso.group-names-unresolved", who.Length > 320 ? who[..320] : who, null,
                new { IdP = idp, identity.Subject, Unresolved = unresolved }, parentOrganizationId: parentId);
        }

        return identity with { Groups = resolution.Keys };
    }
}
