using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Reads, previews and saves an organization's provisioning settings. Every call checks that the acting person may
/// manage identity and access there; a save re-runs the dry run inside its own transaction, so what is written is
/// what the guard checked.
/// </summary>
public sealed class ProvisioningSettingsService(
    IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes, PlanApplier applier, AuditLog audit)
{
    public async Task<ProvisioningSettingsView?> GetAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SettingsPageQueries.LoadAsync(db, organizationId, cancellationToken);
    }

    public Task<AssignedButNotMembers?> GetAssignedButNotMembersAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        GetAssignedButNotMembersAsync(organizationId, actingPersonId, NotMembersQuery.FirstPage, cancellationToken);

    /// <summary>One page of them, searched by name or email in the database; null when not allowed.</summary>
    public async Task<AssignedButNotMembers?> GetAssignedButNotMembersAsync(Guid organizationId, Guid actingPersonId, NotMembersQuery query,
        CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SettingsPageQueries.AssignedButNotMembersAsync(db, organizationId, query, cancellationToken);
    }

    public async Task<ProvisioningPreview> PreviewAsync(Guid organizationId, ProvisioningDraft draft, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken);
        if (!check.IsGranted)
        {
            return new ProvisioningPreview(null, [check.Refusal!], 0);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = (await ProvisioningInputLoader.LoadSavedAsync(db, organizationId, cancellationToken))!;
        return await DryRunAsync(db, saved, draft, actingPersonId, check.Roles!, cancellationToken);
    }

    /// <summary>Saves when the guard allows it and, if others lose access or rank, <paramref name="typedConfirmation"/> matches their number.</summary>
    public Task<ProvisioningPreview> SaveAsync(Guid organizationId, ProvisioningDraft draft, Guid actingPersonId, int? typedConfirmation,
        CancellationToken cancellationToken = default) =>
        SaveAsync(organizationId, draft, actingPersonId, typedConfirmation, null, cancellationToken);

    /// <summary>
    /// The management API's apply: saves only if the dry run, run again here under the organization's lock, is still
    /// the one reviewed (<paramref name="fingerprint"/>, see <see cref="PreviewFingerprint"/>); otherwise refuses with
    /// <see cref="DryRunOutdated"/> and the new dry run. The fingerprint covers the settings version, so the draft is
    /// taken as based on the saved one.
    /// </summary>
    public Task<ProvisioningPreview> ApplyReviewedAsync(Guid organizationId, ProvisioningDraft draft, Guid actingPersonId, string fingerprint,
        int? typedConfirmation, CancellationToken cancellationToken = default) =>
        SaveAsync(organizationId, draft, actingPersonId, typedConfirmation, fingerprint, cancellationToken);

    private async Task<ProvisioningPreview> SaveAsync(Guid organizationId, ProvisioningDraft draft, Guid actingPersonId, int? typedConfirmation,
        string? fingerprint, CancellationToken cancellationToken)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return new ProvisioningPreview(null, [refused], 0);
        }

        var db = write.Db;
        // Read once under the organization's lock: the dry run's starting point and the audit entry's "before".
        var saved = (await ProvisioningInputLoader.LoadSavedAsync(db, organizationId, cancellationToken))!;
        if (fingerprint is not null)
        {
            draft = draft with { BaseVersion = saved.Organization.SettingsVersion };
        }

        var preview = await DryRunAsync(db, saved, draft, actingPersonId, write.Roles!, cancellationToken);
        if (fingerprint is not null && preview.Plan is { } plan && PreviewFingerprint.Of(plan, preview.AffectedOthers) != fingerprint)
        {
            return preview with { Errors = [new DryRunOutdated(), .. preview.Errors] };
        }

        if (!preview.CanSave)
        {
            return preview;
        }

        if (preview.NeedsTypedConfirmation && typedConfirmation != preview.AffectedOthers)
        {
            return preview with { Errors = [new ConfirmationRequired(preview.AffectedOthers)] };
        }

        var org = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        var before = saved.Draft;
        (org.ProvisioningMode, org.AdvancedGroupMappingsEnabled, org.BreakGlassPersonId) = (draft.Mode, draft.AdvancedGroupMappings, draft.BreakGlassPersonId);
        org.SettingsVersion++;
        db.GroupMappings.RemoveRange(db.GroupMappings.Where(m => m.OrganizationId == organizationId));
        db.GroupMappings.AddRange(draft.RoleMappings.Select(m => new GroupMapping { OrganizationId = organizationId, GroupExternalId = m.GroupKey, Role = m.Role }));
        db.GroupMappings.AddRange(draft.TierMappings.Select(m => new GroupMapping { OrganizationId = organizationId, GroupExternalId = m.GroupKey, Tier = m.Tier }));
        var changed = await applier.ApplyAsync(db, preview.Plan!, org.ParentOrganizationId, write.Actor, cancellationToken);
        audit.Record(db, write.Actor, "provisioning.settings_changed", org.Name, Describe(before), Describe(draft) with { MembershipChanges = changed },
            organizationId, org.ParentOrganizationId);
        await Drafts.SettingsDraftService.ForgetAsync(db, organizationId, actingPersonId, cancellationToken); // what the saver kept is now saved
        // The settings version is a concurrency token: a save racing this one is a stale draft.
        return await write.CommitAsync(cancellationToken) is null ? preview : preview with { Errors = [new StaleDraft()] };
    }

    /// <summary>
    /// "Why this role?": the rule engine's outcome for one member under the saved settings, with every reason (the
    /// groups and mappings, precedence, tier defaults, seats). Null when not allowed or not a person here.
    /// </summary>
    public async Task<RoleExplanation?> ExplainAsync(Guid organizationId, Guid personId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var input = (await ProvisioningInputLoader.LoadWithSavedSettingsAsync(db, organizationId, cancellationToken))!;
        return ProvisioningRules.Evaluate(input).For(personId) is { } outcome ? new RoleExplanation(outcome, input.Settings) : null;
    }

    /// <summary>
    /// The what-if simulator: the outcome under the draft for a directory person (by email), or for a newcomer with
    /// the given groups who is assigned to the IdP app (and, under JIT, signing in). Null when not allowed or unknown.
    /// </summary>
    public async Task<PersonOutcome?> SimulateAsync(Guid organizationId, ProvisioningDraft draft, Guid actingPersonId, string? email,
        IReadOnlyCollection<string> groupKeys, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var input = (await ProvisioningInputLoader.LoadAsync(db, organizationId, draft, cancellationToken))!;
        if (!string.IsNullOrWhiteSpace(email))
        {
            var known = input.People.FirstOrDefault(p => string.Equals(p.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
            return known is null ? null : ProvisioningRules.Evaluate(input).Outcomes.Single(o => ReferenceEquals(o.Person, known));
        }

        var newcomer = new KnownPerson(null, null, "newcomer", "Someone in these groups", DirectoryPresence.Active,
            draft.Mode == ProvisioningMode.Jit ? GroupKnowledge.LastSignIn : GroupKnowledge.Directory, [.. groupKeys], DateTimeOffset.MaxValue, null)
        {
            SigningIn = draft.Mode == ProvisioningMode.Jit,
        };
        var plan = ProvisioningRules.Evaluate(input with { People = [.. input.People, newcomer] });
        return plan.Outcomes.Single(o => ReferenceEquals(o.Person, newcomer));
    }

    /// <summary>The dry run; the caller has checked that the acting person may manage identity and access here.</summary>
    private static async Task<ProvisioningPreview> DryRunAsync(IdentityAccessDbContext db, ProvisioningInputLoader.SavedSettings saved, ProvisioningDraft draft,
        Guid actingPersonId, ActingRoles acting, CancellationToken cancellationToken)
    {
        var (input, plan) = await EvaluateAsync(db, saved.Organization, saved.Draft, draft, actingPersonId, cancellationToken);
        var errors = ProvisioningChangeGuard.Check(input, plan, actingPersonId).ToList();
        if (draft.BaseVersion != input.Organization.SettingsVersion)
        {
            errors.Insert(0, new StaleDraft());
        }

        // Naming a break-glass owner where there is none stays with the top role; taking the designation away or
        // handing it to someone else removes the organization's way back in, which is the parent admins' to decide.
        var savedBreakGlass = saved.Draft.BreakGlassPersonId;
        if (savedBreakGlass is not null && draft.BreakGlassPersonId != savedBreakGlass && !OrganizationPermissions.Allows(acting, Permission.RemoveBreakGlassOwner))
        {
            errors.Add(new BreakGlassChangeNotAllowed(OrganizationPermissions.Describe(input.Organization.Product, Permission.RemoveBreakGlassOwner)));
        }

        if (draft.BreakGlassPersonId is { } glass && plan.For(glass)?.Person.Membership?.Role != Roles.RoleCatalog.TopRole(input.Organization.Product))
        {
            errors.Add(new ValidationFailed("breakGlass", ValidationRule.BreakGlassNotTopMember));
        }

        // A save refuses what the IdP paths would hold (the guard said why): the diff shows the change as the draft asks it.
        var shown = plan.AsAsked();
        return new ProvisioningPreview(shown, errors, ProvisioningChangeGuard.AffectedOthers(shown, actingPersonId));
    }

    /// <summary>
    /// The engine's plan for the draft: for a change of mappings only, over the people it can move
    /// (<see cref="MappingChangeScope"/>); otherwise, or when that plan frees a seat someone outside it may be owed,
    /// over everyone.
    /// </summary>
    private static async Task<(ProvisioningInput Input, ProvisioningPlan Plan)> EvaluateAsync(IdentityAccessDbContext db, Organizations.Organization org,
        ProvisioningDraft saved, ProvisioningDraft draft, Guid actingPersonId, CancellationToken cancellationToken)
    {
        if (await MappingChangeScope.ForAsync(db, org, saved, draft, actingPersonId, cancellationToken) is { } scope)
        {
            var scoped = await ProvisioningInputLoader.LoadAsync(db, org.Id, draft, scope, cancellationToken) is { } loaded
                ? await MappingChangeScope.WithDirectoryOutsideAsync(db, org.ParentOrganizationId, loaded, cancellationToken)
                : null;
            if (scoped is not null && ProvisioningRules.Evaluate(scoped) is var plan && !MappingChangeScope.NeedsEveryone(plan))
            {
                return (scoped, plan);
            }
        }

        var input = (await ProvisioningInputLoader.LoadAsync(db, org.Id, draft, cancellationToken))!;
        return (input, ProvisioningRules.Evaluate(input));
    }

    private static SettingsAudit Describe(ProvisioningDraft d) => new(d.Mode.ToString(), d.AdvancedGroupMappings,
        [.. d.RoleMappings.Select(m => $"{m.GroupKey} → {m.Role}")], [.. d.TierMappings.Select(m => $"{m.GroupKey} → {m.Tier}")], d.BreakGlassPersonId, null);

    private sealed record SettingsAudit(string Mode, bool AdvancedGroupMappings, string[] RoleMappings, string[] TierMappings, Guid? BreakGlass, int? MembershipChanges);
}
