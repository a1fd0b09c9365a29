using IdentityAccess.Core.Audit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// The portal in Chromium (<see cref="BrowserFixture"/>) and npm saml-idp as the IdP of a parent of its own, Initech
/// (domain initech.test, verified), so the demo's Acme is left as the other browser tests expect it. Initech has:
/// <list type="bullet">
/// <item>"Initech": Enterprise chat in JIT mode with advanced group mappings, engineering → Admin and staff → User;
/// its owner Bill was added by hand (so his groups are unknown and his role stays).</item>
/// <item>"Initech Labs": Enterprise chat in Manual mode, where Peter is a User added by hand.</item>
/// </list>
/// Everything is set up through Core's services, as an owner would on the Identity and access page.
/// </summary>
public sealed class SamlIdpInteropFixture : IAsyncLifetime
{
    public const string Domain = "initech.test";
    public const string JitOrganizationName = "Initech";
    public const string ManualOrganizationName = "Initech Labs";
    public const string OwnerEmail = "bill@initech.test";
    public const string ManualMemberEmail = "peter@initech.test";

    public BrowserFixture Portal { get; } = new();

    public SamlIdpProcess Idp { get; private set; } = default!;

    public Guid ParentId { get; private set; }

    public Guid JitOrganizationId { get; private set; }

    public Guid ManualOrganizationId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid ManualMemberId { get; private set; }

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        var sp = Portal.Factory.Services.GetRequiredService<SamlServiceProvider>();
        Idp = await SamlIdpProcess.StartAsync(new Uri(new Uri(Portal.BaseUrl), SamlServiceProvider.AcsPath), sp.EntityId);
        await SeedInitechAsync();
        await TurnOnJitWithGroupMappingsAsync();
        await ConnectSamlIdpAsync();
    }

    public async Task DisposeAsync()
    {
        if (Idp is not null)
        {
            await Idp.DisposeAsync();
        }

        await Portal.DisposeAsync();
    }

    private async Task SeedInitechAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var parent = new ParentOrganization { Name = "Initech", Plan = ParentPlan.Enterprise, CreatedAt = now };
        var jit = new Organization { Name = JitOrganizationName, Plan = OrganizationPlan.Enterprise, ParentOrganizationId = parent.Id, CreatedAt = now };
        var manual = new Organization { Name = ManualOrganizationName, Plan = OrganizationPlan.Enterprise, ParentOrganizationId = parent.Id, CreatedAt = now };
        var bill = Person.Create(OwnerEmail, "Bill Lumbergh", now);
        var peter = Person.Create(ManualMemberEmail, "Peter Gibbons", now);
        await using var db = await Portal.Factory.CreateDbContextAsync();
        db.ParentOrganizations.Add(parent);
        db.Organizations.AddRange(jit, manual);
        db.SeatPools.AddRange(
            new SeatPool { OrganizationId = jit.Id, Tier = SeatTier.Premium, Purchased = 5 },
            new SeatPool { OrganizationId = jit.Id, Tier = SeatTier.Standard, Purchased = 10 },
            new SeatPool { OrganizationId = manual.Id, Tier = SeatTier.Premium, Purchased = 5 },
            new SeatPool { OrganizationId = manual.Id, Tier = SeatTier.Standard, Purchased = 10 });
        db.People.AddRange(bill, peter);
        db.Memberships.AddRange(Member(jit, bill, Role.Owner, SeatTier.Premium, now), Member(manual, peter, Role.User, SeatTier.Standard, now));
        // .test names never resolve in public DNS, so the domain is seeded as verified, as the demo seeds acme.test.
        db.VerifiedDomains.Add(new VerifiedDomain
        {
            ParentOrganizationId = parent.Id,
            Domain = Domain,
            Challenge = DomainChallenge.NewChallenge(),
            Status = DomainStatus.Verified,
            CreatedAt = now,
            VerifiedAt = now,
            LastCheckResult = "Seeded by the interoperability test.",
        });
        await db.SaveChangesAsync();
        (ParentId, JitOrganizationId, ManualOrganizationId, OwnerId, ManualMemberId) = (parent.Id, jit.Id, manual.Id, bill.Id, peter.Id);
    }

    // Group keys are the values the IdP sends in `groups`: saml-idp, like Okta, sends group names (SAML-SP.md §4: map
    // on exact values).
    private async Task TurnOnJitWithGroupMappingsAsync()
    {
        var settings = Portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = new ProvisioningDraft(ProvisioningMode.Jit, AdvancedGroupMappings: true,
            [new RoleMapping("engineering", Role.Admin), new RoleMapping("staff", Role.User)], [], BreakGlassPersonId: null, BaseVersion: 1);
        var saved = await settings.SaveAsync(JitOrganizationId, draft, OwnerId, typedConfirmation: null);
        if (saved.Errors.Count > 0)
        {
            throw new InvalidOperationException("Saving Initech's JIT settings failed: " + string.Join("; ", saved.Errors.Select(e => e.Message)));
        }
    }

    private async Task ConnectSamlIdpAsync()
    {
        using var http = new HttpClient();
        var metadata = await http.GetStringAsync(Idp.MetadataUrl);
        var connections = Portal.Factory.Services.GetRequiredService<SamlConnectionService>();
        // saml-idp's NameID is the form's userName in emailAddress format, which the SP refuses as the subject (an
        // email can change or pass to someone else; SAML-SP.md §4). As with Entra ID's objectidentifier, the subject is
        // an attribute instead: `uid`, which profile.js adds to what saml-idp sends and the tests fill with a stable
        // per-person id. The other names are saml-idp's own: email, displayName, and groups (one value per group).
        var attributes = new SamlCustomAttributes(SamlSubjectSource.Attribute, SubjectAttribute: "uid", EmailAttribute: "email",
            DisplayNameAttribute: "displayName", GroupsAttribute: "groups");
        var imported = await connections.ImportForParentAsync(ParentId, metadata, SamlAttributePreset.Custom, Owner, attributes);
        var enabled = imported ?? await connections.SetEnabledForParentAsync(ParentId, enabled: true, Owner);
        if (enabled is not null)
        {
            throw new InvalidOperationException($"Connecting saml-idp failed: {enabled.Message}\nIts metadata:\n{metadata}");
        }
    }

    private AuditActor Owner => new(OwnerId, "Bill Lumbergh");

    private static Membership Member(Organization org, Person person, Role role, SeatTier tier, DateTimeOffset now) => new()
    {
        OrganizationId = org.Id,
        PersonId = person.Id,
        Role = role,
        SeatTier = tier,
        Status = MembershipStatus.Active,
        Source = MembershipSource.Manual,
        CreatedAt = now,
        StatusChangedAt = now,
    };
}
