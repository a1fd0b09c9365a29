using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>The rule engine's answer for one organization: the outcome of every known person.</summary>
public sealed record ProvisioningPlan(OrganizationFacts Organization, ProvisioningDraft Settings, IReadOnlyList<PersonOutcome> Outcomes)
{
    public IEnumerable<PersonOutcome> Changed => Outcomes.Where(o => o.Changes.Count > 0);

    public IReadOnlyList<PersonOutcome> With(ChangeKind kind) => [.. Outcomes.Where(o => o.Changes.Contains(kind))];

    public int Count(ChangeKind kind) => Outcomes.Count(o => o.Changes.Contains(kind));

    public PersonOutcome? For(Guid personId) => Outcomes.FirstOrDefault(o => o.Person.PersonId == personId);

    /// <summary>Active members holding the organization's top role (chat Owner, Console Admin) after the change.</summary>
    public IReadOnlyList<PersonOutcome> TopRoleHolders =>
        [.. Outcomes.Where(o => o.IsActiveMember && o.Desired!.Role == RoleCatalog.TopRole(Organization.Product))];

    /// <summary>People kept as they are so the organization keeps an active top-role member (at most one).</summary>
    public IReadOnlyList<PersonOutcome> HeldTopRole => [.. Outcomes.Where(o => o.HeldTopRole is not null)];

    /// <summary>
    /// The plan with every held change shown as it was asked, for a dry run that refuses what the IdP paths hold (a
    /// settings save): the person reading the diff sees the demotion the refusal is about. Never applied.
    /// </summary>
    public ProvisioningPlan AsAsked() => HeldTopRole.Count == 0 ? this : this with
    {
        Outcomes = [.. Outcomes.Select(o => o.HeldTopRole is { } asked
            ? o with { Desired = asked.Desired, Changes = asked.Changes, Reasons = asked.Reasons, AtNextSignIn = asked.AtNextSignIn, HeldTopRole = null }
            : o)],
    };
}
