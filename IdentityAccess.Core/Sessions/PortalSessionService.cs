using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sessions;

/// <summary>
/// Server-side sessions: the cookie only names one, and every request and live page asks here whether it still stands.
/// Signing out, "sign out everywhere" and losing every role (<see cref="RoleLossRevocation"/>) revoke the row, so a copied
/// cookie stops working at once, on every instance.
/// </summary>
public sealed class PortalSessionService(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time)
{
    /// <summary>However active the person is, a session ends this long after sign-in (the cookie slides for 8 hours inside it).</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>LastSeenAt is written at most this often: a page load makes several requests, each one checked.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>Ended sessions (revoked or past their end) are kept this long, then dropped at the person's next sign-in.</summary>
    public static readonly TimeSpan KeepEndedSessions = TimeSpan.FromDays(30);

    private const int UserAgentLength = 200;

    public Task<PortalSession> CreateAsync(Guid personId, string signInMethod, string? userAgent, CancellationToken cancellationToken = default) =>
        CreateAsync(personId, new PortalSessionRequest(signInMethod, userAgent, null), cancellationToken);

    /// <summary>In a transaction of its own: for a sign-in with no write of its own to share it with (Entra ID, an email link).</summary>
    public async Task<PortalSession> CreateAsync(Guid personId, PortalSessionRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await OpenAsync(db, personId, request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session;
    }

    /// <summary>
    /// In the caller's transaction (the SAML ACS's): ends the session this browser had, drops the person's long-ended
    /// ones and adds the new one, which the caller's save writes. The session then commits with the sign-in that
    /// grants it, or not at all: no session without its sign-in, no sign-in without its session.
    /// </summary>
    public async Task<PortalSession> OpenAsync(IdentityAccessDbContext db, Guid personId, PortalSessionRequest request,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (request.Replaces is { } previous)
        {
            await RevokeAsync(db, previous, SessionRevocationReason.SignedInAgain, now, cancellationToken);
        }

        var longEnded = now - KeepEndedSessions; // every session has ended by its ExpiresAt, revoked or not
        await db.PortalSessions.Where(s => s.PersonId == personId && s.ExpiresAt < longEnded).ExecuteDeleteAsync(cancellationToken);
        var session = new PortalSession
        {
            PersonId = personId,
            SignInMethod = request.SignInMethod,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + AbsoluteLifetime,
            UserAgent = Shorten(request.UserAgent),
        };
        db.PortalSessions.Add(session);
        return session;
    }

    /// <summary>
    /// The session if it exists, belongs to <paramref name="personId"/>, is not revoked and has not expired; otherwise
    /// null. One indexed read per call; LastSeenAt is touched at most once per <see cref="LastSeenResolution"/>.
    /// </summary>
    public async Task<PortalSessionCheck?> ValidateAsync(Guid sessionId, Guid personId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PortalSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.PersonId == personId && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s.LastSeenAt, s.SignInMethod, p.DisplayName, p.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (now - row.LastSeenAt >= LastSeenResolution)
        {
            // Conditional, so two instances seeing the same minute write once; not revoked, so a touch never revives a row.
            var stale = now - LastSeenResolution;
            await db.PortalSessions.Where(s => s.Id == sessionId && s.RevokedAt == null && s.LastSeenAt <= stale)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return new PortalSessionCheck(sessionId, personId, row.DisplayName, row.Email, row.SignInMethod);
    }

    /// <summary>Ends one session (sign-out). True when it was still open.</summary>
    public async Task<bool> RevokeAsync(Guid sessionId, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RevokeAsync(db, sessionId, reason, time.GetUtcNow(), cancellationToken);
    }

    private static async Task<bool> RevokeAsync(IdentityAccessDbContext db, Guid sessionId, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await db.PortalSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken) > 0;

    /// <summary>Ends every open session of the person ("sign out everywhere"); returns how many.</summary>
    public async Task<int> RevokeAllAsync(Guid personId, string reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PortalSessions.Where(s => s.PersonId == personId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
    }

    /// <summary>The person's sessions still open, newest first, so they can tell where else they are signed in.</summary>
    public async Task<IReadOnlyList<PortalSession>> ListOpenAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.PortalSessions.AsNoTracking()
            .Where(s => s.PersonId == personId && s.RevokedAt == null && s.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        return [.. open.OrderByDescending(s => s.LastSeenAt)];
    }

    private static string? Shorten(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? null : userAgent.Length <= UserAgentLength ? userAgent : userAgent[..UserAgentLength];
}
