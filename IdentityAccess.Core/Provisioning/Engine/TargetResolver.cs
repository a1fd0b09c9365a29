using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>The help article's table, row by row: what each mode wants for a person, seats aside.</summary>
internal static class TargetResolver
{
    /// <param name="keptForTopRole">The member kept as they are so the organization keeps its top role (<see cref="TopRoleKeeper"/>).</param>
    public static Target Resolve(ProvisioningInput input, GroupResolutions groups, KnownPerson person, KnownPerson? keptForTopRole = null)
    {
        var isMember = person.Membership?.IsMember == true;
        if (isMember && person.PersonId is { } id && id == input.Settings.BreakGlassPersonId)
        {
            return Target.Keep(person, "Break-glass owner: exempt from sync and group mappings, so an owner can always get in.");
        }

        if (ReferenceEquals(person, keptForTopRole))
        {
            return Target.Keep(person, TopRoleKeeper.Reason(input.Organization));
        }

        if (person.Membership?.Status == MembershipStatus.Invited)
        {
            return Target.Keep(person, "Invited by hand: keeps the seat reserved for them until they accept, or the invitation is revoked or expires.");
        }

        if (isMember && person.PersonId is { } held && input.HeldBack.Contains(held))
        {
            return Target.Keep(person, "Change held by the mass-change safeguard: keeps their access and role until the held changes are applied or discarded on the Identity and access page.");
        }

        return input.Settings.Mode switch
        {
            ProvisioningMode.Manual => isMember
                ? Target.Keep(person, "Manual provisioning: role and tier are changed by hand.")
                : Target.None("Manual provisioning: people are added by hand."),
            ProvisioningMode.Jit => input.Settings.UsesMappings ? JitWithMappings(input, groups, person, isMember) : Jit(person, isMember),
            ProvisioningMode.Scim => Scim(input, groups, person, isMember),
        };
    }

    private static Target Jit(KnownPerson person, bool isMember)
    {
        if (isMember)
        {
            // Without mappings nobody is blocked: a person blocked under mappings may sign in again.
            return person.Membership!.Status switch
            {
                MembershipStatus.LoginBlocked => Target.Leave(TargetKind.Member, person, "JIT without group mappings: everyone assigned to the IdP app can sign in."),

                // Someone waiting for a seat asks for one again by signing in: seats bought since then admit them.
                MembershipStatus.PendingSeat when person.SigningIn => Target.Leave(TargetKind.Member, person, "JIT: waiting for a seat; given one at this sign-in if one is free."),
                MembershipStatus.PendingSeat => Target.Keep(person, "JIT: waiting for a seat; given one at their next sign-in if one is free."),
                _ => Target.Keep(person, "JIT: role and tier are changed by hand."),
            };
        }

        return person.SigningIn
            ? new Target(TargetKind.Member, RoleCatalog.DefaultRole, null, MembershipSource.Jit, ["JIT: provisioned at first sign-in as User."], false)
            : Target.None("JIT: provisioned when they first sign in through SSO.");
    }

    private static Target JitWithMappings(ProvisioningInput input, GroupResolutions resolutions, KnownPerson person, bool isMember)
    {
        if (person.GroupsFrom == GroupKnowledge.Unknown && !person.SigningIn)
        {
            return isMember
                ? Target.Keep(person, "JIT with group mappings: their groups are unknown until they next sign in through SSO.")
                : Target.None("JIT: provisioned when they first sign in through SSO, if in a mapped group.");
        }

        if (!isMember && !person.SigningIn)
        {
            // Someone who signed in before without getting in: only their next sign-in can provision them.
            return Target.None(resolutions.For(person).Role is null
                ? $"In no group mapped to a role of {input.Organization.Name} at their last sign-in: not provisioned."
                : "Now in a mapped group: provisioned at their next sign-in.");
        }

        var atNextSignIn = !person.SigningIn;
        if (person.GroupsIncomplete)
        {
            // SAML-SP.md: a role is never derived from a partial group list. The lowest role, and the admin is warned.
            var source = isMember ? person.Membership!.Source : MembershipSource.Jit;
            return RoleOverrides.Apply(input, person, new Target(TargetKind.Member, RoleCatalog.DefaultRole, null, source,
                ["The IdP sent too many groups to list them (Entra group overage): the lowest role until it sends only the groups assigned to the app.",
                    atNextSignIn ? "JIT: role and tier are updated at their next sign-in." : "JIT: role and tier recomputed at this sign-in."],
                atNextSignIn), null, source);
        }

        var groups = resolutions.For(person);
        if (groups.Role is { } role)
        {
            var source = isMember ? person.Membership!.Source : MembershipSource.Jit;
            return RoleOverrides.Apply(input, person, new Target(TargetKind.Member, role, groups.Tier, source,
                [.. groups.Reasons, atNextSignIn ? "JIT: role and tier are updated at their next sign-in." : "JIT: role and tier recomputed at this sign-in."],
                atNextSignIn), role, source);
        }

        const string NoGroup = "In no group mapped to a role";
        return isMember
            ? RoleOverrides.Apply(input, person,
                Target.Leave(TargetKind.LoginBlocked, person, $"{NoGroup}: cannot sign in, but stays listed until removed.", atNextSignIn), null, person.Membership!.Source)
            : Target.None($"{NoGroup} of {input.Organization.Name}: not provisioned.");
    }

    private static Target Scim(ProvisioningInput input, GroupResolutions resolutions, KnownPerson person, bool isMember)
    {
        // Sync only takes away what sync granted, except when switching into SCIM adopts the existing members.
        var managed = isMember && (person.Membership!.Source == MembershipSource.Scim || input.AdoptsExistingMembers);
        if (isMember && !managed)
        {
            return Target.Keep(person, "Added by hand after SCIM was enabled: sync only removes what sync granted.");
        }

        switch (person.Directory)
        {
            case DirectoryPresence.Absent:
                return managed
                    ? Target.Leave(TargetKind.Removed, person, "Not assigned to the IdP app: removed by directory sync.")
                    : Target.None("Not assigned to the IdP app.");
            case DirectoryPresence.Deactivated:
                return managed ? Deactivated(input, person) : Target.None("Deactivated in the IdP.");
            case DirectoryPresence.Active:
                break;
        }

        if (!input.Settings.UsesMappings)
        {
            return managed
                ? Target.Leave(TargetKind.Member, person, "Directory sync (SCIM): role and tier are changed by hand.") with { Source = MembershipSource.Scim }
                : new Target(TargetKind.Member, RoleCatalog.DefaultRole, null, MembershipSource.Scim,
                    ["Assigned to the IdP app: provisioned by directory sync as User."], false);
        }

        var groups = resolutions.For(person);
        if (groups.Role is { } role)
        {
            return RoleOverrides.Apply(input, person, new Target(TargetKind.Member, role, groups.Tier, MembershipSource.Scim,
                [.. groups.Reasons, "Directory sync: role and tier follow group membership."], false), role, MembershipSource.Scim);
        }

        return managed
            ? RoleOverrides.Apply(input, person,
                Target.Leave(TargetKind.Removed, person, "In no group mapped to a role: removed when group access is revoked."), null, MembershipSource.Scim)
            : Target.None($"Assigned to the IdP app but in no group mapped to a role of {input.Organization.Name}.");
    }

    /// <summary>
    /// The help article: users removed from the IdP app are removed. A deactivation suspends at once (no sign-in, seat
    /// freed, role and tier kept so a reactivation restores them) and removes once the parent's grace period is over.
    /// </summary>
    private static Target Deactivated(ProvisioningInput input, KnownPerson person)
    {
        if (person.DeactivatedAt is not { } since)
        {
            return Target.Leave(TargetKind.Suspended, person, "Deactivated in the IdP: suspended, seat freed, role and tier kept.");
        }

        var removedOn = input.RemovedOn(since);
        return input.Now >= removedOn
            ? Target.Leave(TargetKind.Removed, person,
                $"Deactivated in the IdP on {since:yyyy-MM-dd} and not reactivated within the {input.RemovalGrace.TotalDays:0}-day grace period: removed.")
            : Target.Leave(TargetKind.Suspended, person,
                $"Deactivated in the IdP: suspended, seat freed, role and tier kept; removed on {removedOn:yyyy-MM-dd} unless reactivated.");
    }
}
