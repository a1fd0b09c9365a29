using System.Security.Cryptography;
using System.Text;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Mail;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sessions;

/// <summary>
/// Sign-in by a link sent to the address, for people whose email domain does not use single sign-on: a newcomer who
/// will create an organization, someone invited from outside the organization's domains. A domain verified by a parent
/// with SSO on never gets a link (its IdP decides who gets in). The answer to a request is the same whether or not the
/// person exists, and stays the same past the limit of <see cref="MaxLinksPerWindow"/> links per address per
/// <see cref="RateWindow"/>, when no more mail is sent.
/// </summary>
public sealed partial class EmailSignInService(IDbContextFactory<IdentityAccessDbContext> contexts, OutboxWriter outbox, PortalLinks links,
    TimeProvider time, ILogger<EmailSignInService> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(15);
    public const int MaxLinksPerWindow = 5;

    // Arbitrary, fixed: the first key of PostgreSQL's two-key advisory lock, naming "links for one address".
    private const int AdvisoryLockClass = 0x1E5A;

    /// <param name="returnUrl">A local path, already checked by the caller (Web's LocalRedirect); followed after sign-in.</param>
    /// <returns>Null: a link was sent if one may be. <see cref="UseSingleSignOn"/>, or invalid input for a malformed address.</returns>
    public async Task<Error?> RequestAsync(string? email, string returnUrl, string? callerBaseUrl, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email) || !MemberRules.IsBareAddress(email))
        {
            return new ValidationFailed("email", ValidationRule.EmailRequired);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await SsoParentForAsync(db, email, cancellationToken) is { } parentId)
        {
            return new UseSingleSignOn(parentId);
        }

        var normalized = EmailAddress.Normalize(email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // SQLite: BEGIN IMMEDIATE orders requests
        if (db.Database.IsNpgsql())
        {
            // Two requests at once for one address both count the same links; the lock makes the second count the first's.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {LockKey(normalized)})", cancellationToken);
        }

        var now = time.GetUtcNow();
        var windowStart = now - RateWindow;
        if (await db.EmailSignInLinks.CountAsync(l => l.NormalizedEmail == normalized && l.CreatedAt > windowStart, cancellationToken) >= MaxLinksPerWindow)
        {
            LogRateLimited(logger, EmailAddress.DomainOf(email));
            return null; // the same answer as a link sent: the limit says nothing about the address either
        }

        var secret = LinkSecret.New();
        db.EmailSignInLinks.Add(new EmailSignInLink
        {
            NormalizedEmail = normalized,
            TokenHash = LinkSecret.Hash(secret),
            ReturnUrl = returnUrl.Length is > 0 and <= 2048 ? returnUrl : "/",
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        var known = await db.People.Where(p => p.NormalizedEmail == normalized).Select(p => p.PreferredLanguage).FirstOrDefaultAsync(cancellationToken);
        var (subject, body) = EmailSignInMail.Compose(MailWords.LanguageFor(known), links.Absolute(callerBaseUrl, EmailSignInMail.PathPrefix + secret));
        outbox.Add(db, OutboxMessageKind.SignInLink, EmailAddress.Clean(email), subject, body);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The address a link signs in, for the page that asks "Sign in as …?"; null when it would not. Does not use the link.</summary>
    public async Task<string?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (!LinkSecret.IsWellFormed(secret))
        {
            return null;
        }

        var hash = LinkSecret.Hash(secret!);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = await db.EmailSignInLinks.Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .Select(l => l.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
        return normalized is null ? null : await DisplayEmailAsync(db, normalized, cancellationToken);
    }

    /// <summary>Uses the link (once): the person it signs in, created on first use, and where to go next.</summary>
    public async Task<EmailSignInRedemption> RedeemAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var notValid = new EmailSignInRedemption(null, "/", new SignInLinkNotValid());
        if (!LinkSecret.IsWellFormed(secret))
        {
            return notValid;
        }

        var hash = LinkSecret.Hash(secret!);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var link = await db.EmailSignInLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now, cancellationToken);
        if (link is null)
        {
            return notValid;
        }

        // SSO turned on for the domain since the link was sent: the IdP decides now.
        var email = await DisplayEmailAsync(db, link.NormalizedEmail, cancellationToken);
        if (await SsoParentForAsync(db, email, cancellationToken) is not null)
        {
            return notValid;
        }

        // Single use even when two requests race: only one of them sets UsedAt.
        if (await db.EmailSignInLinks.Where(l => l.Id == link.Id && l.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken) == 0)
        {
            return notValid;
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.NormalizedEmail == link.NormalizedEmail, cancellationToken);
        if (person is null)
        {
            person = db.People.Add(Person.Create(email, email[..email.LastIndexOf('@')], now)).Entity;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new EmailSignInRedemption(null, "/", new ChangedMeanwhile());
        }

        return new EmailSignInRedemption(person, link.ReturnUrl, null);
    }

    /// <summary>The parent whose single sign-on this address must use: its domain verified there, and SSO turned on.</summary>
    internal static async Task<Guid?> SsoParentForAsync(IdentityAccessDbContext db, string email, CancellationToken cancellationToken)
    {
        if (DomainChallenge.Normalize(EmailAddress.DomainOf(email)) is not (string domain, null))
        {
            return null;
        }

        return await db.VerifiedDomains
            .Where(d => d.Domain == domain && d.Status == DomainStatus.Verified
                && db.SamlConnections.Any(c => c.ParentOrganizationId == d.ParentOrganizationId && c.Enabled))
            .Select(d => (Guid?)d.ParentOrganizationId).FirstOrDefaultAsync(cancellationToken);
    }

    // The link keeps only the normalized (upper-case) address: a known person's own spelling, else its lower case.
    private static async Task<string> DisplayEmailAsync(IdentityAccessDbContext db, string normalized, CancellationToken cancellationToken) =>
        await db.People.Where(p => p.NormalizedEmail == normalized).Select(p => p.Email).SingleOrDefaultAsync(cancellationToken)
            ?? normalized.ToLowerInvariant();

    private static int LockKey(string normalizedEmail) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)), 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link not sent: the address (at {Domain}) asked for too many in the last 15 minutes.")]
    private static partial void LogRateLimited(ILogger logger, string domain);
}
