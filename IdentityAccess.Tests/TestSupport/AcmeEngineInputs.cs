using System.Text.Json;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// One person's engine input for Acme's chat organization, read the two ways the sign-in tests compare: the scoped
/// load every path but the sign-in takes, and the sign-in's own (<see cref="ProvisioningInputLoader.LoadForSignInAsync"/>).
/// As JSON, so lists compare by content.
/// </summary>
internal static class AcmeEngineInputs
{
    public static async Task<string> ScopedAsync(PortalFixture portal, Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var (snapshot, acme) = await AcmeAsync(portal, db);
        var input = await ProvisioningInputLoader.LoadAsync(db, acme, snapshot.SavedSettings[acme.Id], snapshot.GroupNames,
            new ReconcileScope().AddPeople([personId]), CancellationToken.None);
        return JsonSerializer.Serialize(input);
    }

    public static async Task<string> SignInAsync(PortalFixture portal, Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var (snapshot, acme) = await AcmeAsync(portal, db);
        var memberships = await ProvisioningInputLoader.PersonMembershipsAsync(db, portal.Demo.AcmeParent, personId, CancellationToken.None);
        var input = await ProvisioningInputLoader.LoadForSignInAsync(db, acme, snapshot.SavedSettings[acme.Id], snapshot.GroupNames, personId,
            memberships, CancellationToken.None);
        return JsonSerializer.Serialize(input);
    }

    // The pools come from the snapshot: read after the test's own seat changes, as a sign-in reads them.
    private static async Task<(ParentSnapshot Snapshot, OrganizationSnapshot Acme)> AcmeAsync(PortalFixture portal, IdentityAccessDbContext db)
    {
        var snapshot = (await portal.Factory.Services.GetRequiredService<ParentSnapshots>().CurrentAsync(db, portal.Demo.AcmeParent, CancellationToken.None))!;
        return (snapshot, snapshot.Organizations.Single(o => o.Id == portal.Demo.AcmeChat));
    }
}
