using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>The help article's table, row by row: what each mode wants for a person, seats aside.</summary>
internal static class TargetResolver
{
    /// <param name="shared">Where the reason lists come from: people in the same situation get one list between them.</param>
    /// <param name="keptForTopRole">The member kept as they are so the organization keeps its top role (<see cref="TopRoleKeeper"/>).</param>
    public static Target Resolve(ProvisioningInput input, GroupResolutions groups, SharedOutcomeParts shared, KnownPerson person, KnownPerson? keptForTopRole = null)
    {
        var isMember = person.Membership?.IsMember == true;
        if (isMember && person.PersonId is { } id && id == input.Settings.BreakGlassPersonId)
        {
            return Target.Keep(person, OutcomeReason.Of(ReasonCode.BreakGlassOwner));
        }

        if (ReferenceEquals(person, keptForTopRole))
        {
            return Target.Keep(person, TopRoleKeeper.Reason(input.Organization));
        }

        if (person.Membership?.Status == MembershipStatus.Invited)
        {
            return Target.Keep(person, OutcomeReason.Of(ReasonCode.InvitedByHand));
        }

        if (isMember && person.PersonId is { } held && input.HeldBack.Contains(held))
        {
            return Target.Keep(person, OutcomeReason.Of(ReasonCode.HeldBySafeguard));
        }

        return input.Settings.Mode switch
        {
            ProvisioningMode.Manual => isMember
                ? Target.Keep(person, OutcomeReason.Of(ReasonCode.ManualMember))
                : Target.None(OutcomeReason.Of(ReasonCode.ManualNotMember)),
            ProvisioningMode.Jit => input.Settings.UsesMappings ? JitWithMappings(input, groups, shared, person, isMember) : Jit(person, isMember),
            ProvisioningMode.Scim => Scim(input, groups, shared, person, isMember),
        };
    }

    private static Target Jit(KnownPerson person, bool isMember)
    {
        if (isMember)
        {
            // Without mappings nobody is blocked: a person blocked under mappings may sign in again.
            return person.Membership!.Status switch
            {
                MembershipStatus.LoginBlocked => Target.Leave(TargetKind.Member, person, OutcomeReason.Of(ReasonCode.JitNoMappingsCanSignIn)),

                // Someone waiting for a seat asks for one again by signing in: seats bought since then admit them.
                MembershipStatus.PendingSeat when person.SigningIn => Target.Leave(TargetKind.Member, person, OutcomeReason.Of(ReasonCode.JitWaitingForSeatNow)),
                MembershipStatus.PendingSeat => Target.Keep(person, OutcomeReason.Of(ReasonCode.JitWaitingForSeatNext)),
                _ => Target.Keep(person, OutcomeReason.Of(ReasonCode.JitByHand)),
            };
        }

        return person.SigningIn
            ? new Target(TargetKind.Member, RoleCatalog.DefaultRole, null, MembershipSource.Jit, SharedOutcomeParts.Alone(OutcomeReason.Of(ReasonCode.JitFirstSignIn)), false)
            : Target.None(OutcomeReason.Of(ReasonCode.JitWhenTheySignIn));
    }

    private static Target JitWithMappings(ProvisioningInput input, GroupResolutions resolutions, SharedOutcomeParts shared, KnownPerson person, bool isMember)
    {
        if (person.GroupsFrom == GroupKnowledge.Unknown && !person.SigningIn)
        {
            return isMember
                ? Target.Keep(person, OutcomeReason.Of(ReasonCode.JitGroupsUnknown))
                : Target.None(OutcomeReason.Of(ReasonCode.JitWhenTheySignInMapped));
        }

        if (!isMember && !person.SigningIn)
        {
            // Someone who signed in before without getting in: only their next sign-in can provision them.
            return resolutions.For(person).Role is null
                ? Target.None(shared.Alone(ReasonCode.NoGroupAtLastSignIn, input.Organization.Name))
                : Target.None(OutcomeReason.Of(ReasonCode.MappedAtNextSignIn));
        }

        var atNextSignIn = !person.SigningIn;
        if (person.GroupsIncomplete)
        {
            // SAML-SP.md: a role is never derived from a partial group list. The lowest role, and the admin is warned.
            var source = isMember ? person.Membership!.Source : MembershipSource.Jit;
            return RoleOverrides.Apply(input, person, new Target(TargetKind.Member, RoleCatalog.DefaultRole, null, source,
                [OutcomeReason.Of(ReasonCode.GroupOverage),
                    atNextSignIn ? OutcomeReason.Of(ReasonCode.JitUpdatedAtNextSignIn) : OutcomeReason.Of(ReasonCode.JitRecomputedNow)],
                atNextSignIn), null, source);
        }

        var groups = resolutions.For(person);
        if (groups.Role is { } role)
        {
            var source = isMember ? person.Membership!.Source : MembershipSource.Jit;
            return RoleOverrides.Apply(input, person, new Target(TargetKind.Member, role, groups.Tier, source,
                shared.Append(groups.Reasons, atNextSignIn ? ReasonCode.JitUpdatedAtNextSignIn : ReasonCode.JitRecomputedNow),
                atNextSignIn), role, source);
        }

        return isMember
            ? RoleOverrides.Apply(input, person,
                Target.Leave(TargetKind.LoginBlocked, person, OutcomeReason.Of(ReasonCode.NoGroupLoginBlocked), atNextSignIn), null, person.Membership!.Source)
            : Target.None(shared.Alone(ReasonCode.NoGroupNotProvisioned, input.Organization.Name));
    }

    private static Target Scim(ProvisioningInput input, GroupResolutions resolutions, SharedOutcomeParts shared, KnownPerson person, bool isMember)
    {
        // Sync only takes away what sync granted, except when switching into SCIM adopts the existing members.
        var managed = isMember && (person.Membership!.Source == MembershipSource.Scim || input.AdoptsExistingMembers);
        if (isMember && !managed)
        {
            return Target.Keep(person, OutcomeReason.Of(ReasonCode.ScimAddedByHand));
        }

        switch (person.Directory)
        {
            case DirectoryPresence.Absent:
                return managed
                    ? Target.Leave(TargetKind.Removed, person, OutcomeReason.Of(ReasonCode.NotAssignedRemoved))
                    : Target.None(OutcomeReason.Of(ReasonCode.NotAssigned));
            case DirectoryPresence.Deactivated:
                return managed ? Deactivated(input, shared, person) : Target.None(OutcomeReason.Of(ReasonCode.DeactivatedInIdp));
            case DirectoryPresence.Active:
                break;
        }

        if (!input.Settings.UsesMappings)
        {
            return managed
                ? new Target(TargetKind.Member, person.Membership!.Role, person.Membership.Tier, MembershipSource.Scim,
                    SharedOutcomeParts.Alone(OutcomeReason.Of(ReasonCode.ScimByHand)), false)
                : new Target(TargetKind.Member, RoleCatalog.DefaultRole, null, MembershipSource.Scim,
                    SharedOutcomeParts.Alone(OutcomeReason.Of(ReasonCode.ScimAssignedAsUser)), false);
        }

        var groups = resolutions.For(person);
        if (groups.Role is { } role)
        {
            return RoleOverrides.Apply(input, person, new Target(TargetKind.Member, role, groups.Tier, MembershipSource.Scim,
                shared.Append(groups.Reasons, ReasonCode.ScimFollowsGroups), false), role, MembershipSource.Scim);
        }

        return managed
            ? RoleOverrides.Apply(input, person,
                Target.Leave(TargetKind.Removed, person, OutcomeReason.Of(ReasonCode.NoGroupRemoved)), null, MembershipSource.Scim)
            : Target.None(shared.Alone(ReasonCode.AssignedNoGroup, input.Organization.Name));
    }

    /// <summary>
    /// The help article: users removed from the IdP app are removed. A deactivation suspends at once (no sign-in, seat
    /// freed, role and tier kept so a reactivation restores them) and removes once the parent's grace period is over.
    /// </summary>
    private static Target Deactivated(ProvisioningInput input, SharedOutcomeParts shared, KnownPerson person)
    {
        if (person.DeactivatedAt is not { } since)
        {
            return Target.Leave(TargetKind.Suspended, person, OutcomeReason.Of(ReasonCode.DeactivatedSuspended));
        }

        var removedOn = input.RemovedOn(since);
        return input.Now >= removedOn
            ? Target.Leave(TargetKind.Removed, person,
                OutcomeReason.Of(ReasonCode.DeactivatedRemoved, (int)Math.Round(input.RemovalGrace.TotalDays, MidpointRounding.AwayFromZero), DateOnly.FromDateTime(since.DateTime)))
            : Target.Leave(TargetKind.Suspended, person, shared.Alone(ReasonCode.DeactivatedRemovedOn, DateOnly.FromDateTime(removedOn.DateTime)));
    }
}
