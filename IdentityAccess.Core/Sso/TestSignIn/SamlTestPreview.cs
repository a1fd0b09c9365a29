using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Jit;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// What a real sign-in of this identity would do under the settings saved now, read and never written: who the person
/// would be (as <see cref="Connections.SsoIdentityLinker"/> decides), and in each organization of the parent the
/// membership the rule engine would give them (as the what-if simulator asks it: the person signing in with these
/// groups), or, outside JIT, the membership they already have. The caller's context is only read (no tracking).
/// </summary>
public sealed class SamlTestPreview(JitProvisioner jit)
{
    public async Task<SamlTestWouldDo> EvaluateAsync(IdentityAccessDbContext db, Guid parentId, SamlIdentity identity, CancellationToken cancellationToken)
    {
        var domains = await ParentDomains.LoadAsync(db, parentId, cancellationToken);
        var organizations = await jit.OrganizationsAsync(db, parentId, cancellationToken);
        var mayCreate = organizations.Any(o => o.ProvisionsJustInTime);
        var (person, who, nobody) = await FindPersonAsync(db, parentId, identity, domains, mayCreate, cancellationToken);
        if (person is null)
        {
            return SamlTestWouldDo.From(who, false, nobody!, []);
        }

        var results = new List<SamlTestOrganization>();
        var access = new List<OrganizationAccess>();
        foreach (var organization in organizations)
        {
            var result = organization.ProvisionsJustInTime
                ? await EvaluateJitAsync(db, organization, person, identity, cancellationToken)
                : await ExistingMembershipAsync(db, organization, person, cancellationToken);
            results.Add(result);
            access.Add(new OrganizationAccess(organization.Id, organization.Name, organization.ProvisionsJustInTime, result.Status, result.Reasons.LastOrDefault()?.Text));
        }

        var refusal = SignInRefusal.For(access);
        var verdict = refusal is null ? TestPreviewLine.Of(TestPreviewCode.SignedInAs, person.DisplayName, person.Email) : Refused(refusal, results);
        return SamlTestWouldDo.From(who, refusal is null, verdict, results);
    }

    // The refusal a real sign-in would give, by its failure; over groups, with the organization's reason from the engine.
    private static TestPreviewLine Refused(SignInRefusal refusal, IReadOnlyList<SamlTestOrganization> results)
    {
        var organization = refusal.OrganizationName;
        if (refusal.Failure == SamlSignInFailure.NoSeatAvailable)
        {
            return TestPreviewLine.Of(TestPreviewCode.RefusedWaitingForSeat, organization);
        }

        if (refusal.Failure == SamlSignInFailure.NotInMappedGroup)
        {
            var reason = results.FirstOrDefault(r => r.Name == organization)?.Reasons.LastOrDefault();
            return new TestPreviewLine(TestPreviewCode.RefusedNotInMappedGroup, [organization], reason);
        }

        var status = results.FirstOrDefault(r => r.Name == organization)?.Status;
        return refusal.Failure == SamlSignInFailure.MembershipEnded && status is { } ended
            ? TestPreviewLine.Of(TestPreviewCode.RefusedMembershipEnded, organization, ended.ToString())
            : TestPreviewLine.Of(TestPreviewCode.RefusedNotAMember);
    }

    /// <summary>The person the sign-in would use; <see cref="Candidate.Id"/> is null for one JIT would create.</summary>
    private sealed record Candidate(Guid? Id, string Email, string DisplayName);

    private static async Task<(Candidate? Person, TestPreviewLine Who, TestPreviewLine? Nobody)> FindPersonAsync(IdentityAccessDbContext db, Guid parentId,
        SamlIdentity identity, ParentDomains domains, bool mayCreate, CancellationToken cancellationToken)
    {
        var linked = await db.SamlIdentityLinks.AsNoTracking()
            .Where(l => l.ParentOrganizationId == parentId && l.IdpEntityId == identity.IdpEntityId && l.Subject == identity.Subject)
            .Select(l => new Candidate(l.PersonId, l.Person!.Email, l.Person.DisplayName)).SingleOrDefaultAsync(cancellationToken);
        if (linked is not null)
        {
            return (linked, TestPreviewLine.Of(TestPreviewCode.AlreadyLinked, linked.DisplayName, linked.Email), null);
        }

        if (identity.Email is not { Length: > 0 } email)
        {
            return (null, TestPreviewLine.Of(TestPreviewCode.NobodyNoEmail), TestPreviewLine.Of(TestPreviewCode.RefusedNoEmail));
        }

        if (!domains.Owns(email))
        {
            var who = domains.AnyVerified
                ? TestPreviewLine.Of(TestPreviewCode.NobodyDomainNotVerified, email, domains.Describe())
                : TestPreviewLine.Of(TestPreviewCode.NobodyNoDomainVerified, email);
            return (null, who, TestPreviewLine.Of(TestPreviewCode.RefusedDomainNotVerified));
        }

        var normalized = EmailAddress.Normalize(email);
        var existing = await db.People.AsNoTracking().Where(p => p.NormalizedEmail == normalized)
            .Select(p => new Candidate(p.Id, p.Email, p.DisplayName)).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return (existing, TestPreviewLine.Of(TestPreviewCode.LinkedByEmail, existing.DisplayName, existing.Email), null);
        }

        var name = string.IsNullOrWhiteSpace(identity.DisplayName) ? email : identity.DisplayName.Trim();
        return mayCreate
            ? (new Candidate(null, email, name), TestPreviewLine.Of(TestPreviewCode.WouldCreate, name, email), null)
            : (null, TestPreviewLine.Of(TestPreviewCode.NobodyNoAccount, email), TestPreviewLine.Of(TestPreviewCode.RefusedNoAccount));
    }

    // The engine's input as the what-if simulator loads it, with the person signing in now with the asserted groups
    // (what JIT stores on their identity link before it evaluates them).
    private static async Task<SamlTestOrganization> EvaluateJitAsync(IdentityAccessDbContext db, ParentOrganizationMode organization, Candidate person,
        SamlIdentity identity, CancellationToken cancellationToken)
    {
        var settings = (await ProvisioningInputLoader.LoadSavedDraftAsync(db, organization.Id, cancellationToken))!;
        var input = (await ProvisioningInputLoader.LoadAsync(db, organization.Id, settings, cancellationToken))!;
        var listed = input.People.FirstOrDefault(p => person.Id is { } id ? p.PersonId == id
            : p.PersonId is null && p.DirectoryUserId is not null && string.Equals(p.Email, person.Email, StringComparison.OrdinalIgnoreCase));
        var tested = (listed ?? new KnownPerson(person.Id, null, person.Email, person.DisplayName, DirectoryPresence.Absent, GroupKnowledge.LastSignIn, [], null, null))
            with
        { GroupsFrom = GroupKnowledge.LastSignIn, GroupKeys = identity.Groups, GroupsIncomplete = identity.GroupsOverage, SigningIn = true };
        var people = listed is null ? [.. input.People, tested] : input.People.Select(p => ReferenceEquals(p, listed) ? tested : p).ToList();
        var outcome = ProvisioningRules.Evaluate(input with { People = people }).Outcomes.Single(o => ReferenceEquals(o.Person, tested));
        var desired = outcome.Desired is { Status: not MembershipStatus.Removed } d ? d : null;
        return new SamlTestOrganization(organization.Name, organization.Mode, true, desired?.Role, desired?.Tier, desired?.Status, outcome.Reasons);
    }

    private static async Task<SamlTestOrganization> ExistingMembershipAsync(IdentityAccessDbContext db, ParentOrganizationMode organization, Candidate person,
        CancellationToken cancellationToken)
    {
        var membership = person.Id is not { } id ? null
            : await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organization.Id && m.PersonId == id && m.Status != MembershipStatus.Removed)
                .Select(m => new { m.Role, m.SeatTier, m.Status }).SingleOrDefaultAsync(cancellationToken);
        var why = organization.Mode == ProvisioningMode.Jit
            ? OutcomeReason.Of(ReasonCode.TestSignInJitNotInPlan)
            : OutcomeReason.Of(ReasonCode.TestSignInExistingOnly, ProvisioningModePolicy.DisplayName(organization.Mode));
        return new SamlTestOrganization(organization.Name, organization.Mode, false, membership?.Role, membership?.SeatTier, membership?.Status, [why]);
    }
}
