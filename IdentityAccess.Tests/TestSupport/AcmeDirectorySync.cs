using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Jit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Acme (chat) with group mappings on the demo directory's groups (owners → Owner, admins → Admin, users → User), where
/// Alice is the only Owner and, besides the owners group, in the users group (so losing Owner demotes her to User),
/// and Bob, the Admin, is in the users group too. Under directory sync everyone assigned is adopted or provisioned;
/// under JIT everyone signs in with the groups given.
/// </summary>
public sealed class AcmeDirectorySync(PortalFixture portal)
{
    public const string Owners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";
    public const string Admins = "6f1c2a9e-0002-4c1e-9a10-acme00000002";
    public const string Users = "6f1c2a9e-0003-4c1e-9a10-acme00000003";
    private const string BaseUrl = "http://test/scim/v2";

    public Guid ParentId { get; private set; }

    public Guid Acme => portal.Demo.AcmeChat;

    public IServiceProvider Services => portal.Factory.Services;

    public async Task SetUpAsync(ProvisioningMode mode = ProvisioningMode.Scim)
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            ParentId = await db.Organizations.Where(o => o.Id == Acme).Select(o => o.ParentOrganizationId).SingleAsync();
            var users = await db.DirectoryGroups.Where(g => g.ParentOrganizationId == ParentId && g.ExternalId == Users).Select(g => g.Id).SingleAsync();
            foreach (var email in new[] { "alice@acme.test", "bob@acme.test" })
            {
                var user = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == ParentId && u.UserName == email).Select(u => u.Id).SingleAsync();
                db.DirectoryGroupMembers.Add(new DirectoryGroupMember { GroupId = users, UserId = user });
            }

            await db.SaveChangesAsync();
        }

        var draft = new ProvisioningDraft(mode, true, [new RoleMapping(Owners, Role.Owner), new RoleMapping(Admins, Role.Admin), new RoleMapping(Users, Role.User)],
            [], null, 1);
        var settings = Services.GetRequiredService<ProvisioningSettingsService>();
        var alice = portal.Demo.Person("alice@acme.test");
        var preview = await settings.PreviewAsync(Acme, draft, alice);
        Assert.Empty((await settings.SaveAsync(Acme, draft, alice, preview.AffectedOthers)).Errors);
    }

    public async Task<Guid> PersonAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    public async Task<Guid> DirectoryUserAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.DirectoryUsers.Where(u => u.ParentOrganizationId == ParentId && u.UserName == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<Guid> GroupAsync(string key)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.DirectoryGroups.Where(g => g.ParentOrganizationId == ParentId && g.ExternalId == key).Select(g => g.Id).SingleAsync();
    }

    /// <summary>One SCIM PATCH of a group: these people added to (or removed from) its members, in one request.</summary>
    public async Task PatchGroupAsync(string key, bool add, params string[] emails)
    {
        var operations = new List<string>();
        foreach (var email in emails)
        {
            var user = await DirectoryUserAsync(email);
            operations.Add(add
                ? $$"""{"op":"Add","path":"members","value":[{"value":"{{user}}"}]}"""
                : $$"""{"op":"Remove","path":"members[value eq \"{{user}}\"]"}""");
        }

        var patch = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{string.Join(",", operations)}}]}""")!.AsObject();
        await Services.GetRequiredService<ScimGroupService>().PatchAsync(ParentId, await GroupAsync(key), patch, BaseUrl);
    }

    public async Task PatchUserActiveAsync(string email, bool active)
    {
        var patch = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":{{(active ? "true" : "false")}}}]}""")!.AsObject();
        await Services.GetRequiredService<ScimUserService>().PatchAsync(ParentId, await DirectoryUserAsync(email), patch, BaseUrl);
    }

    public async Task PutUserAsync(string email, bool active)
    {
        var body = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{email}}","active":{{(active ? "true" : "false")}},"emails":[{"type":"work","primary":true,"value":"{{email}}"}]}""")!.AsObject();
        await Services.GetRequiredService<ScimUserService>().ReplaceAsync(ParentId, await DirectoryUserAsync(email), body, BaseUrl);
    }

    public async Task DeleteUserAsync(string email) =>
        await Services.GetRequiredService<ScimUserService>().DeleteAsync(ParentId, await DirectoryUserAsync(email));

    /// <summary>Changes the directory without telling the portal, as an IdP's push that never arrived would: only a reconcile sees it.</summary>
    public async Task LeaveGroupQuietlyAsync(string key, string email)
    {
        var (group, user) = (await GroupAsync(key), await DirectoryUserAsync(email));
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.DirectoryGroupMembers.Where(m => m.GroupId == group && m.UserId == user).ExecuteDeleteAsync();
    }

    public async Task DeleteUserQuietlyAsync(string email)
    {
        var user = await DirectoryUserAsync(email);
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.DirectoryGroupMembers.Where(m => m.UserId == user).ExecuteDeleteAsync();
        await db.DirectoryUsers.Where(u => u.Id == user).ExecuteDeleteAsync();
    }

    /// <summary>A JIT sign-in at the ACS with these groups in the assertion, as <see cref="SamlSignInService"/> runs it after linking.</summary>
    public async Task<IReadOnlyList<OrganizationAccess>> SignInAsync(string email, params string[] groupKeys)
    {
        var personId = await PersonAsync(email);
        await using var db = await portal.Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var link = await db.SamlIdentityLinks.SingleOrDefaultAsync(l => l.ParentOrganizationId == ParentId && l.PersonId == personId);
        if (link is null)
        {
            link = new SamlIdentityLink { ParentOrganizationId = ParentId, IdpEntityId = "https://idp.acme.test", Subject = email, PersonId = personId, CreatedAt = DateTimeOffset.UtcNow };
            db.SamlIdentityLinks.Add(link);
        }

        link.RecordSignIn(groupKeys, false, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        var jit = Services.GetRequiredService<JitProvisioner>();
        var access = await jit.ProvisionAsync(db, ParentId, await jit.OrganizationsAsync(db, ParentId, CancellationToken.None), personId,
            AuditActor.System("SAML sign-in"));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return access;
    }

    public async Task<Membership> MembershipAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.AsNoTracking().SingleAsync(m => m.OrganizationId == Acme && m.Person!.Email == email);
    }

    public async Task<List<HeldTopRoleChange>> HoldsAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.HeldTopRoleChanges.AsNoTracking().Where(h => h.OrganizationId == Acme).OrderBy(h => h.HeldAt).ToListAsync();
    }

    public async Task<List<string>> AuditTargetsAsync(string action)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == action && e.OrganizationId == Acme).OrderBy(e => e.Id).Select(e => e.Target).ToListAsync();
    }

    public async Task<int> AuditCountAsync(string actionPrefix)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(e => e.Action.StartsWith(actionPrefix));
    }
}
