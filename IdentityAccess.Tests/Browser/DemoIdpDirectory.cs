using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Plays the identity provider for browser journeys: empties or fills a parent's directory the way a SCIM push
/// would leave it. (The SCIM endpoint will let journeys push for real; the rows it writes are the same.)
/// </summary>
public static class DemoIdpDirectory
{
    public static async Task ClearAsync(IdentityAccessDbContext db, Guid parentId)
    {
        await db.DirectoryUsers.Where(u => u.ParentOrganizationId == parentId).ExecuteDeleteAsync();
    }

    public static async Task AssignAsync(IdentityAccessDbContext db, Guid parentId, string email, string name, params string[] groupNames)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.NormalizedEmail == email.ToUpperInvariant());
        var user = new DirectoryUser
        {
            ParentOrganizationId = parentId,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            DisplayName = name,
            PersonId = person?.Id,
            ExternalId = "idp-" + email,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.DirectoryUsers.Add(user);
        var groups = await db.DirectoryGroups.Where(g => g.ParentOrganizationId == parentId && groupNames.Contains(g.DisplayName)).ToListAsync();
        db.DirectoryGroupMembers.AddRange(groups.Select(g => new DirectoryGroupMember { GroupId = g.Id, UserId = user.Id }));
        await db.SaveChangesAsync();
    }
}
