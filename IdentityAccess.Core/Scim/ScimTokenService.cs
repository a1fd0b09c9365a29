using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Generates, lists, revokes and checks the bearer tokens of a parent organization's SCIM directory. Callers
/// check that the acting person may manage the parent's settings; the operator command line calls it directly. What
/// the plan allows is checked here, so every caller gets the same answer.
/// </summary>
public sealed class ScimTokenService(IDbContextFactory<IdentityAccessDbContext> contexts, AuditLog audit, TimeProvider time)
{
    // Every SCIM request runs this read first: compiled (EF's per-call translation-cache lookup was most of its cost in
    // the create path's profile) and untracked. Per instance, so per app and so per EF model, as a compiled query needs.
    // The parent's name and plan come with the token, in one query: the authentication step refuses a paused directory.
    private readonly Func<IdentityAccessDbContext, string, CancellationToken, Task<TokenRow?>> _findByHash =
        EF.CompileAsyncQuery((IdentityAccessDbContext db, string hash, CancellationToken _) => db.ScimTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Join(db.ParentOrganizations, t => t.ParentOrganizationId, p => p.Id,
                (t, p) => new TokenRow(t.Id, t.ParentOrganizationId, t.Prefix, t.LastUsedAt, t.RevokedAt, p.Name, p.Plan))
            .SingleOrDefault());

    /// <summary>Two at once, so a token can be rotated without a gap.</summary>
    public const int MaxActiveTokens = 2;

    /// <summary>
    /// Refused when the parent's plan has no directory sync, or <see cref="MaxActiveTokens"/> are already valid. The
    /// parent's lock is held from the count to the insert, so two generations at once cannot both pass the limit.
    /// </summary>
    public async Task<(GeneratedScimToken? Token, Error? Error)> GenerateAsync(Guid parentOrganizationId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await ParentWrite.BeginAsync(db, parentOrganizationId, cancellationToken);
        var parent = await db.ParentOrganizations.AsNoTracking().Where(p => p.Id == parentOrganizationId)
            .Select(p => new { p.Name, p.Plan }).SingleOrDefaultAsync(cancellationToken);
        if (parent is null)
        {
            return (null, new ParentNotFound());
        }

        if (DirectorySyncAvailability.Check(parent.Name, parent.Plan) is { } notInPlan)
        {
            return (null, notInPlan);
        }

        var active = await db.ScimTokens.CountAsync(t => t.ParentOrganizationId == parentOrganizationId && t.RevokedAt == null, cancellationToken);
        if (active >= MaxActiveTokens)
        {
            return (null, new TooManyActiveTokens(MaxActiveTokens));
        }

        var secret = ScimTokenHasher.NewSecret();
        var token = new ScimToken
        {
            ParentOrganizationId = parentOrganizationId,
            Hash = ScimTokenHasher.Hash(secret),
            Prefix = secret[..12],
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        db.ScimTokens.Add(token);
        audit.Record(db, actor, "scim.token_created", token.Prefix + "…", null, new { token.Prefix }, parentOrganizationId: parentOrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (new GeneratedScimToken(token.Id, secret, token.Prefix), null);
    }

    public async Task<IReadOnlyList<ScimTokenInfo>> ListActiveAsync(Guid parentOrganizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ScimTokens.AsNoTracking().Where(t => t.ParentOrganizationId == parentOrganizationId && t.RevokedAt == null)
            .Select(t => new ScimTokenInfo(t.Id, t.Prefix, t.CreatedAt, t.CreatedBy, t.LastUsedAt)).ToListAsync(cancellationToken);
        return [.. tokens.OrderBy(t => t.CreatedAt)];
    }

    /// <summary>
    /// Revokes the token. The directory's last token, while organizations are in directory-sync mode, needs
    /// <paramref name="confirmation"/> to be its prefix, checked here against the state as it is now: the parent's lock
    /// is held from the count to the save, so two revokes at once cannot each leave the other as "not the last".
    /// </summary>
    public async Task<Error?> RevokeAsync(Guid parentOrganizationId, Guid tokenId, AuditActor actor, string? confirmation = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await ParentWrite.BeginAsync(db, parentOrganizationId, cancellationToken);
        var token = await db.ScimTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.ParentOrganizationId == parentOrganizationId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return new TokenNotFound();
        }

        var impact = await ImpactAsync(db, token, cancellationToken);
        if (!impact.IsConfirmedBy(confirmation))
        {
            return new TokenRevokeNotConfirmed(token.Prefix);
        }

        token.RevokedAt = time.GetUtcNow();
        audit.Record(db, actor, "scim.token_revoked", token.Prefix + "…", new { token.Prefix, impact.IsLastToken, impact.OrganizationsInScimMode }, null,
            parentOrganizationId: parentOrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>What revoking the token would stop; null when it does not exist or was revoked.</summary>
    public async Task<ScimTokenRevokeImpact?> PreviewRevokeAsync(Guid parentOrganizationId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ScimTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == tokenId && t.ParentOrganizationId == parentOrganizationId && t.RevokedAt == null, cancellationToken);
        return token is null ? null : await ImpactAsync(db, token, cancellationToken);
    }

    private static async Task<ScimTokenRevokeImpact> ImpactAsync(IdentityAccessDbContext db, ScimToken token, CancellationToken cancellationToken)
    {
        var parentId = token.ParentOrganizationId;
        var others = await db.ScimTokens.CountAsync(t => t.ParentOrganizationId == parentId && t.RevokedAt == null && t.Id != token.Id, cancellationToken);
        var inScimMode = await db.Organizations.Where(o => o.ParentOrganizationId == parentId && o.ProvisioningMode == Provisioning.ProvisioningMode.Scim)
            .OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken);
        var directoryUsers = await db.DirectoryUsers.CountAsync(u => u.ParentOrganizationId == parentId, cancellationToken);
        return new ScimTokenRevokeImpact(token.Prefix, others == 0, inScimMode, directoryUsers);
    }

    /// <summary>The parent organization whose directory this bearer token opens, or null. Records when it was last used.</summary>
    public async Task<Guid?> AuthenticateAsync(string? secret, CancellationToken cancellationToken = default) =>
        await IdentifyAsync(secret, cancellationToken) is { IsActive: true } caller ? caller.ParentOrganizationId : null;

    /// <summary>
    /// The token this secret is, revoked or not (a revoked token still in use is logged against its directory), or
    /// null when it is none of ours. Records when a valid token was last used.
    /// </summary>
    public async Task<ScimCaller?> IdentifyAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(ScimTokenHasher.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = ScimTokenHasher.Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await _findByHash(db, hash, cancellationToken) is not { } found)
        {
            return null;
        }

        if (found.RevokedAt is not null)
        {
            return new ScimCaller(found.ParentOrganizationId, found.Id, found.Prefix, IsActive: false, found.ParentName, found.ParentPlan);
        }

        // At most one write a minute per token: "last used" needs no more precision than that.
        var now = time.GetUtcNow();
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ScimTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return new ScimCaller(found.ParentOrganizationId, found.Id, found.Prefix, IsActive: true, found.ParentName, found.ParentPlan);
    }

    /// <summary>What authenticating a request needs of its token and parent.</summary>
    private sealed record TokenRow(Guid Id, Guid ParentOrganizationId, string Prefix, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string ParentName, ParentPlan ParentPlan);
}
