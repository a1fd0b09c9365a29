using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.DemoIdp.Storage;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.DemoIdp;

/// <summary>Answers an AuthnRequest for a chosen person with a Response signed by the demo IdP's key.</summary>
public sealed class DemoIdpSignIn(IDbContextFactory<DemoIdpDbContext> contexts, DemoIdpKeyStore keys, TimeProvider time)
{
    /// <summary>The people the sign-in page offers: active, of the tenant when one is given.</summary>
    public async Task<IReadOnlyList<DemoIdpPerson>> ListSignInChoicesAsync(string? tenant, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking().Where(p => p.Active);
        if (!string.IsNullOrEmpty(tenant))
        {
            var domain = tenant.ToLowerInvariant();
            people = people.Where(p => p.Domain == domain);
        }

        return await people.OrderBy(p => p.Domain).ThenBy(p => p.Email).ToListAsync(cancellationToken);
    }

    /// <summary>The base64 SAMLResponse for the HTTP-POST binding, or null when the person is unknown or inactive.</summary>
    /// <param name="request">Its ACS URL and Issuer must already be checked against this app's own SP.</param>
    public async Task<string?> RespondAsync(DemoIdpAuthnRequest request, Guid personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId && p.Active, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var groups = await db.GroupMembers.Where(m => m.PersonId == personId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.ImmutableId)
            .OrderBy(id => id).ToListAsync(cancellationToken);
        var attributes = new Dictionary<string, IReadOnlyList<string>>
        {
            [DemoIdpAttributes.Email] = [person.Email],
            [DemoIdpAttributes.DisplayName] = [person.DisplayName],
        };
        if (groups.Count > 0)
        {
            // As Okta does: no groups attribute at all when the person is in none.
            attributes[DemoIdpAttributes.Groups] = groups;
        }

        using var certificate = await keys.GetOrCreateAsync(cancellationToken);
        return new SamlResponseSigner(certificate).CreateBase64(new SamlResponseContent
        {
            Issuer = DemoIdentityProvider.EntityId,
            NameId = person.ImmutableId,
            NameIdFormat = SamlNameIdFormats.Persistent,
            Audience = request.Issuer,
            Destination = request.AssertionConsumerServiceUrl,
            InResponseTo = request.Id,
            IssueInstant = time.GetUtcNow(),
            Attributes = attributes,
        });
    }
}
