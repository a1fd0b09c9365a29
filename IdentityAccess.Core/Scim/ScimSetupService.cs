using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// "Set up SCIM / Manage SCIM": the parent's directory tokens. Only its parent admins generate and revoke them
/// (<see cref="Permission.ManageParentSettings"/>); the parent page and its organizations' Identity and access pages
/// list them.
/// </summary>
public sealed class ScimSetupService(OrganizationAccessService access, GuardedWrites writes, ScimTokenService tokens)
{
    public sealed record TokenChange(string? Secret, Error? Error, IReadOnlyList<ScimTokenInfo> Tokens);

    /// <summary>The tokens of an organization's parent, for its Identity and access page; null when the person may not open it.</summary>
    public async Task<IReadOnlyList<ScimTokenInfo>?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        return check.IsGranted ? await tokens.ListActiveAsync(check.Organization!.ParentId, cancellationToken) : null;
    }

    /// <summary>The parent's tokens, for its page; null when the person may not view the parent.</summary>
    public async Task<IReadOnlyList<ScimTokenInfo>?> ListForParentAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        (await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted
            ? await tokens.ListActiveAsync(parentId, cancellationToken)
            : null;

    public async Task<TokenChange> GenerateAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var (actor, refused) = await CheckAsync(parentId, actingPersonId, cancellationToken);
        if (refused is not null)
        {
            return new TokenChange(null, refused, []);
        }

        var (token, error) = await tokens.GenerateAsync(parentId, actor!, cancellationToken);
        return new TokenChange(token?.Secret, error, await tokens.ListActiveAsync(parentId, cancellationToken));
    }

    /// <summary>What revoking the token would stop, for the confirmation shown before it; parent admins only.</summary>
    public async Task<(ScimTokenRevokeImpact? Impact, Error? Refusal)> PreviewRevokeAsync(Guid parentId, Guid tokenId, Guid actingPersonId,
        CancellationToken cancellationToken = default)
    {
        var check = await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (!check.IsGranted)
        {
            return (null, check.Refusal);
        }

        return await tokens.PreviewRevokeAsync(parentId, tokenId, cancellationToken) is { } impact ? (impact, null) : (null, new TokenNotFound());
    }

    /// <summary>Revokes the token; the last one, while organizations use directory sync, only with its prefix typed as <paramref name="confirmation"/>.</summary>
    public async Task<TokenChange> RevokeAsync(Guid parentId, Guid tokenId, Guid actingPersonId, string? confirmation = null,
        CancellationToken cancellationToken = default)
    {
        var (actor, refused) = await CheckAsync(parentId, actingPersonId, cancellationToken);
        if (refused is not null)
        {
            return new TokenChange(null, refused, []);
        }

        var error = await tokens.RevokeAsync(parentId, tokenId, actor!, confirmation, cancellationToken);
        return new TokenChange(null, error, await tokens.ListActiveAsync(parentId, cancellationToken));
    }

    // The guarded write checks the acting person's standing under the parent's lock and names them for the audit. The
    // token service then writes in a transaction of its own (one writer at a time on SQLite: it cannot run inside this
    // one), so the check is released first; the token service serializes its own writes against the token limit.
    private async Task<(Audit.AuditActor? Actor, Error? Refusal)> CheckAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        return write.Refusal is { } refused ? (null, refused) : (write.Actor, null);
    }
}
