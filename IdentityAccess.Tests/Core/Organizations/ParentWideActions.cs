using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Organizations;

/// <summary>
/// Every action on what Acme's parent owns, each as one call an acting person makes, against the seeded demo with the
/// targets it needs: a SCIM token, a pending domain, a standalone Console organization asking to join.
/// </summary>
public sealed class ParentWideActions(PortalFixture portal)
{
    public Guid Parent => portal.Demo.AcmeParent;

    public Guid TokenId { get; private set; }

    public string TokenPrefix { get; private set; } = "";

    public Guid PendingDomainId { get; private set; }

    public Guid JoinRequestId { get; private set; }

    private T Service<T>()
        where T : notnull => portal.Factory.Services.GetRequiredService<T>();

    /// <summary>The targets, made the way the product makes them (Alice and a newcomer), before anyone attacks.</summary>
    public async Task ArrangeAsync()
    {
        var (token, _) = await Service<ScimTokenService>().GenerateAsync(Parent, AuditActor.System("Test set-up"));
        (TokenId, TokenPrefix) = (token!.Id, token.Prefix);
        Assert.Null(await Service<DomainService>().AddAsync(Parent, "contoso.example", portal.Demo.Person("alice@acme.test")));
        await using var db = await portal.Factory.CreateDbContextAsync();
        PendingDomainId = await db.VerifiedDomains.Where(d => d.Domain == "contoso.example").Select(d => d.Id).SingleAsync();
        var erin = portal.Demo.Person("erin@acme.test");
        var created = await Service<OrganizationCreator>().CreateParentAsync(
            new NewParentOrganization("Erin's Lab", new NewOrganization("Erin Console", OrganizationPlan.Console, ConsoleSeats: 3)), erin);
        Assert.Null(created.Refusal);
        Assert.Null(await Service<ParentMembership>().RequestToJoinAsync(created.OrganizationId, Parent, erin));
        JoinRequestId = await db.OrganizationJoinRequests.Where(r => r.OrganizationId == created.OrganizationId).Select(r => r.Id).SingleAsync();
        // A group name an IdP sent at a sign-in, as recorded for a parent without a SCIM directory.
        db.SignInGroups.Add(new IdentityAccess.Core.Sso.GroupNames.SignInGroup
        {
            ParentOrganizationId = Parent,
            Key = "Engineering",
            Name = "Engineering",
            NormalizedName = IdentityAccess.Core.Sso.GroupNames.GroupNameMatching.Normalize("Engineering"),
            FirstSeenAt = DateTimeOffset.UtcNow,
            LastSeenAt = DateTimeOffset.UtcNow,
        });
        // A metadata URL to refresh (it answers nothing: the parent admin's refresh fails to fetch, nobody else's gets that far)
        // and a replaced metadata to roll back to.
        db.SamlMetadataSources.Add(new IdentityAccess.Core.Sso.Metadata.SamlMetadataSource
        {
            ParentOrganizationId = Parent,
            Url = "https://127.0.0.1:9/federationmetadata.xml",
            NextRefreshAt = DateTimeOffset.UtcNow.AddDays(1),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        await db.SamlConnections.Where(c => c.ParentOrganizationId == Parent).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.PreviousEntityId, c => c.EntityId).SetProperty(c => c.PreviousSingleSignOnUrl, c => c.SingleSignOnUrl)
            .SetProperty(c => c.PreviousSigningCertificatesPem, c => c.SigningCertificatesPem).SetProperty(c => c.ReplacedAt, DateTimeOffset.UtcNow));
    }

    /// <summary>Each parent-wide action by name, as <paramref name="person"/>; what it refused with, or null.</summary>
    public IReadOnlyList<(string Action, Func<Task<Error?>> Run)> As(Guid person)
    {
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp));
        return
        [
            ("generate a SCIM token", async () => (await Service<ScimSetupService>().GenerateAsync(Parent, person)).Error),
            ("preview revoking a SCIM token", async () => (await Service<ScimSetupService>().PreviewRevokeAsync(Parent, TokenId, person)).Refusal),
            ("preview removing a domain", async () => (await Service<DomainService>().PreviewRemovalAsync(Parent, PendingDomainId, person)).Refusal),
            // Typed as the portal asks it when this is the directory's last token.
            ("revoke a SCIM token", async () => (await Service<ScimSetupService>().RevokeAsync(Parent, TokenId, person, TokenPrefix)).Error),
            // Before the paste below, which replaces the URL: each of these needs the URL (or the replaced metadata) arranged above.
            ("import SAML metadata from a URL", () => Service<SamlMetadataRefreshService>().ImportFromUrlAsync(Parent,
                "https://127.0.0.1:9/federationmetadata.xml", SamlAttributePreset.Okta, person)),
            ("refresh the SAML metadata now", () => Service<SamlMetadataRefreshService>().RefreshNowAsync(Parent, person)),
            ("roll back the SAML metadata", () => Service<SamlMetadataRefreshService>().RollBackAsync(Parent, person)),
            ("stop refreshing the SAML metadata", () => Service<SamlMetadataRefreshService>().StopRefreshingAsync(Parent, person)),
            ("import SAML metadata", () => Service<SamlConnectionService>().ImportMetadataAsync(Parent, xml, SamlAttributePreset.Okta, person)),
            ("preview turning SSO off", async () => (await Service<SamlConnectionService>().PreviewDisableAsync(Parent, person)).Refusal),
            // With the number typed that the portal asks for (the preview's, when the person may see it).
            ("turn SSO off", async () => await Service<SamlConnectionService>().SetEnabledAsync(Parent, false, person,
                (await Service<SamlConnectionService>().PreviewDisableAsync(Parent, person)).Impact?.PeopleSigningInThroughIdp)),
            ("allow IdP-initiated sign-in", () => Service<IdpInitiatedSignInSetting>().SetAsync(Parent, true, person)),
            ("change the SSO attribute names", () => Service<SamlAttributeNamesService>().SetAsync(Parent, SamlAttributePreset.Okta,
                SamlAttributePresets.Names(SamlAttributePreset.Okta) with { EmailAttribute = "mail" }, person)),
            ("rename a group seen at sign-in", () => Service<IdentityAccess.Core.Sso.GroupNames.SignInGroupService>().RenameAsync(Parent, "Engineering",
                "Platform Engineering", person)),
            ("add a domain", () => Service<DomainService>().AddAsync(Parent, "fabrikam.example", person)),
            ("verify a domain", () => Service<DomainService>().VerifyAsync(Parent, PendingDomainId, person)),
            ("remove a domain", () => Service<DomainService>().RemoveAsync(Parent, PendingDomainId, person)),
            ("run the parent's Sync now", async () => (await Service<SyncNowService>().SyncParentAsync(Parent, person)).Refusal),
            ("create an organization under the parent", async () => (await Service<OrganizationCreator>().CreateUnderParentAsync(Parent,
                new NewOrganization("Side project", OrganizationPlan.Console, ConsoleSeats: 1), person)).Refusal),
            ("approve a join request", () => Service<JoinRequestReview>().ApproveAsync(Parent, JoinRequestId, person)),
            ("decline a join request", () => Service<JoinRequestReview>().DeclineAsync(Parent, JoinRequestId, person)),
            ("grant the parent admin role", () => Service<ParentAdministration>().GrantAsync(Parent, "bob@acme.test", person)),
            ("change the plan", () => Service<ParentPlanChange>().ChangeAsync(Parent, ParentPlan.Team, person)),
            // Last: Alice revokes herself once Bob was granted; nothing after this would be hers to do.
            ("revoke the parent admin role", () => Service<ParentAdministration>().RevokeAsync(Parent, portal.Demo.Person("alice@acme.test"), person)),
        ];
    }

    /// <summary>Everything the actions could change, in one comparable value: the rows and the audit log.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var tokens = await db.ScimTokens.Where(t => t.ParentOrganizationId == Parent).OrderBy(t => t.Id)
            .Select(t => t.Id + (t.RevokedAt == null ? " active" : " revoked")).ToListAsync();
        var saml = await db.SamlConnections.Where(c => c.ParentOrganizationId == Parent)
            .Select(c => c.EntityId + " " + c.Enabled + " " + c.AllowIdpInitiated + " " + c.CustomEmailAttribute + " " + c.SigningCertificatesPem + " " + c.ReplacedAt)
            .ToListAsync();
        var metadataSources = await db.SamlMetadataSources.Where(s => s.ParentOrganizationId == Parent)
            .Select(s => s.Url + " " + s.LastError + " " + s.PausedAt + " " + s.NextRefreshAt).ToListAsync();
        var signInGroups = await db.SignInGroups.Where(g => g.ParentOrganizationId == Parent).Select(g => g.Key + " " + g.Name).ToListAsync();
        var domains = await db.VerifiedDomains.Where(d => d.ParentOrganizationId == Parent).OrderBy(d => d.Domain)
            .Select(d => d.Domain + " " + d.Status + " " + d.LastCheckedAt).ToListAsync();
        var admins = await db.ParentAdministrators.Where(a => a.ParentOrganizationId == Parent).OrderBy(a => a.PersonId).Select(a => a.PersonId).ToListAsync();
        var organizations = await db.Organizations.OrderBy(o => o.Name).Select(o => o.Name + " " + o.Plan + " " + o.ParentOrganizationId).ToListAsync();
        var requests = await db.OrganizationJoinRequests.Select(r => r.Status.ToString()).ToListAsync();
        var plan = await db.ParentOrganizations.Where(p => p.Id == Parent).Select(p => p.Plan).SingleAsync();
        var memberships = await db.Memberships.CountAsync();
        var audit = await db.AuditEvents.CountAsync();
        return string.Join(" | ", [.. tokens, .. saml, .. metadataSources, .. signInGroups, .. domains, .. admins.Select(a => a.ToString()), .. organizations, .. requests,
            plan.ToString(), memberships.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
