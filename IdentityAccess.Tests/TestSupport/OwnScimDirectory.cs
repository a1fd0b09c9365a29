using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A directory shaped like Acme's for one test in an app its class shares: a parent of its own with its own verified
/// domain (acme1.test, acme2.test, ...), a chat organization in directory-sync mode, and a SCIM token. People are one per
/// address across the database, so a domain of its own is what keeps tests that create the same userName from meeting.
/// The organization's owner is in the directory (directory sync refuses an empty one) and its break-glass account, so
/// the switch to directory sync changes no one's role.
/// </summary>
public static class OwnScimDirectory
{
    private static int _count;

    public static async Task<AcmeScimDirectory> StartAsync(PortalFixture portal)
    {
        var n = Interlocked.Increment(ref _count);
        var domain = $"acme{n}.test";
        var now = DateTimeOffset.UtcNow;
        var parent = new ParentOrganization { Name = $"Acme {n} Corporation", Plan = ParentPlan.Enterprise, CreatedAt = now };
        var chat = new Organization { Name = $"Acme {n}", Plan = OrganizationPlan.Enterprise, ParentOrganizationId = parent.Id, CreatedAt = now };
        var owner = Person.Create($"owner@{domain}", $"Owner {n}", now);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.ParentOrganizations.Add(parent);
            db.Organizations.Add(chat);
            db.SeatPools.AddRange(
                new SeatPool { OrganizationId = chat.Id, Tier = SeatTier.Premium, Purchased = 10 },
                new SeatPool { OrganizationId = chat.Id, Tier = SeatTier.Standard, Purchased = 20 });
            db.People.Add(owner);
            // The IdP has assigned the owner to the app, as Acme's demo directory holds Alice: directory sync refuses a directory with no one.
            db.DirectoryUsers.Add(new DirectoryUser
            {
                ParentOrganizationId = parent.Id,
                ExternalId = $"entra-owner-{n}",
                UserName = owner.Email,
                NormalizedUserName = owner.Email.ToUpperInvariant(),
                Email = owner.Email,
                DisplayName = owner.DisplayName,
                PersonId = owner.Id,
                CreatedAt = now,
                UpdatedAt = now,
            });
            db.Memberships.Add(new Membership
            {
                OrganizationId = chat.Id,
                PersonId = owner.Id,
                Role = Role.Owner,
                SeatTier = SeatTier.Premium,
                Status = MembershipStatus.Active,
                Source = MembershipSource.Manual,
                CreatedAt = now,
                StatusChangedAt = now,
            });
            db.VerifiedDomains.Add(SeededDomains.Verified(parent.Id, domain, now));
            await db.SaveChangesAsync();
        }

        var saved = await portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>().SaveAsync(chat.Id,
            ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim, BreakGlassPersonId = owner.Id }, owner.Id, null);
        Assert.Empty(saved.Errors);
        return new AcmeScimDirectory(portal, parent.Id, await AcmeScimDirectory.ClientForAsync(portal, parent.Id), domain);
    }
}
