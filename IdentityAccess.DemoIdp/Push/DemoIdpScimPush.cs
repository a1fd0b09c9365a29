using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.DemoIdp.Storage;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.DemoIdp.Push;

/// <summary>
/// Pushes the demo directory's tenants that a parent verified to the app's own SCIM endpoint over HTTP, in the order
/// and shapes of Entra's provisioning service (SCIM-CLIENTS.md §1): look a user up by userName, then POST or PATCH;
/// inactive people get <c>active "False"</c>; people and groups removed from the directory are deactivated and deleted.
/// The token is made for the push and revoked after it, so no secret is kept.
/// </summary>
public sealed class DemoIdpScimPush(HttpClient http, IDbContextFactory<IdentityAccessDbContext> contexts, IDbContextFactory<DemoIdpDbContext> directory,
    ScimTokenService tokens)
{
    private static readonly AuditActor _actor = AuditActor.System("Demo identity provider");

    public async Task<DemoIdpPushSummary> PushAsync(Guid parentId, Uri appBaseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appBaseUrl);
        List<string> domains;
        await using (var app = await contexts.CreateDbContextAsync(cancellationToken))
        {
            domains = await app.VerifiedDomains.Where(d => d.ParentOrganizationId == parentId && d.Status == DomainStatus.Verified)
                .Select(d => d.Domain).ToListAsync(cancellationToken);
        }

        if (domains.Count == 0)
        {
            return DemoIdpPushSummary.Refused("This parent has verified no domain, so no tenant of the demo IdP belongs to it.");
        }

        var (token, refused) = await tokens.GenerateAsync(parentId, _actor, cancellationToken);
        if (token is null)
        {
            return DemoIdpPushSummary.Refused($"No SCIM token could be made: {refused!.Message}");
        }

        var tally = new DemoIdpPushTally();
        try
        {
            var client = new DemoIdpScimClient(http, appBaseUrl, token.Secret, tally);
            await using var db = await directory.CreateDbContextAsync(cancellationToken);
            var pushed = new DemoIdpPushedObjects(db, parentId);
            await pushed.LoadAsync(cancellationToken);
            var people = await db.People.AsNoTracking().Where(p => domains.Contains(p.Domain)).OrderBy(p => p.Email).ToListAsync(cancellationToken);
            var groups = await db.Groups.AsNoTracking().Include(g => g.Members).Where(g => domains.Contains(g.Domain))
                .OrderBy(g => g.DisplayName).ToListAsync(cancellationToken);

            var users = new DemoIdpUserPush(client, pushed, tally);
            foreach (var person in people)
            {
                await users.PushAsync(person, cancellationToken);
            }

            var groupPush = new DemoIdpGroupPush(client, pushed, tally);
            foreach (var group in groups)
            {
                await groupPush.PushAsync(group, people, cancellationToken);
            }

            await users.RemoveAllExceptAsync(people.Select(p => p.ImmutableId).ToHashSet(), cancellationToken);
            await groupPush.RemoveAllExceptAsync(groups.Select(g => g.ImmutableId).ToHashSet(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            tally.Fail($"The app's SCIM endpoint at {appBaseUrl} could not be reached: {e.Message}");
        }
        finally
        {
            await tokens.RevokeAsync(parentId, token.Id, _actor, confirmation: token.Prefix, CancellationToken.None); // its own short-lived token
        }

        return tally.ToSummary();
    }
}
