using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// "Allow IdP-initiated sign-in" on the parent's connection, off by default. Only parent admins change it
/// (<see cref="Permission.ManageParentSettings"/>, under the parent's lock), audited in the same transaction. On, a
/// Response nobody asked for is accepted: nothing binds it to a browser, so a stolen one could be replayed while it is
/// valid; the replay cache and a short maximum age are what limit that.
/// </summary>
public sealed class IdpInitiatedSignInSetting(GuardedWrites writes, AuditLog audit, TimeProvider time)
{
    public async Task<Error?> SetAsync(Guid parentId, bool allow, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        return write.Refusal ?? await SetAsync(write, allow, cancellationToken);
    }

    /// <summary>Without an access check: for the operator command line and the Development demo, audited as <paramref name="actor"/>.</summary>
    public async Task<Error?> SetForParentAsync(Guid parentId, bool allow, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OperatorParentAsync(parentId, actor, cancellationToken);
        return write.Refusal ?? await SetAsync(write, allow, cancellationToken);
    }

    private async Task<Error?> SetAsync(GuardedWrite write, bool allow, CancellationToken cancellationToken)
    {
        var (db, parentId) = (write.Db, write.ParentId);
        var connection = await db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        if (connection is null)
        {
            return new SamlConnectionMissing();
        }

        if (connection.AllowIdpInitiated == allow)
        {
            return null;
        }

        connection.AllowIdpInitiated = allow;
        connection.UpdatedAt = time.GetUtcNow();
        audit.Record(db, write.Actor, allow ? "sso.idp-initiated-allowed" : "sso.idp-initiated-disallowed",
            connection.EntityId.Length > 320 ? connection.EntityId[..320] : connection.EntityId,
            new { AllowIdpInitiated = !allow }, new { AllowIdpInitiated = allow }, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }
}
