using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Members.Invitations;

/// <summary>
/// What every invitation test starts from: the seeded demo in a fresh database of its own, a fake clock, and Nina of
/// initech.test (a domain nobody verified) to invite.
/// </summary>
public abstract class InvitationTestBase : IAsyncLifetime
{
    protected const string Base = "http://portal.test/";

    protected InvitationTestBase(PortalFixture portal)
    {
        Portal = portal;
        Portal.Time = Time;
    }

    protected PortalFixture Portal { get; }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Portal.InitializeAsync();

    public Task DisposeAsync() => Portal.DisposeAsync();

    protected InvitationAdministration Service => Portal.Factory.Services.GetRequiredService<InvitationAdministration>();

    protected Guid Person(string email) => Portal.Demo.Person(email);

    protected Guid Acme => Portal.Demo.AcmeChat;

    protected static NewMember Nina(Role role = Role.User, SeatTier? tier = SeatTier.Standard) => new("nina@initech.test", "Nina Newman", role, tier);

    protected async Task<Guid> MembershipIdAsync(Guid organizationId, string email)
    {
        await using var db = await Portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == organizationId && m.Person!.Email == email).Select(m => m.Id).SingleAsync();
    }
}
