namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>The whole input of the rule engine: no I/O happens after this is built.</summary>
public sealed record ProvisioningInput(
    OrganizationFacts Organization,
    ProvisioningDraft Settings,
    IReadOnlyList<KnownPerson> People,
    IReadOnlyDictionary<string, string> GroupNames)
{
    /// <summary>
    /// Members whose removal the mass-removal circuit breaker holds back: they are kept as they are until an owner
    /// approves, so the seats they hold are not handed out meanwhile.
    /// </summary>
    public IReadOnlySet<Guid> HeldBack { get; init; } = new HashSet<Guid>();

    /// <summary>
    /// Members with an unresolved held top-role change: while what the IdP asks of them would still leave the
    /// organization without an active top-role member, they are the one kept as they are (the same person each time).
    /// </summary>
    public IReadOnlySet<Guid> HeldTopRole { get; init; } = new HashSet<Guid>();

    /// <summary>
    /// An active member in the top role who is not among <see cref="People"/> (a SCIM request or a sign-in loads only
    /// the people it touched): the organization keeps its top role whatever happens to those listed.
    /// </summary>
    public bool TopRoleHeldOutsideInput { get; init; }

    /// <summary>
    /// The parent's directory has an active user who is not among <see cref="People"/> (a dry run of a mapping change
    /// loads only the people it can move): SCIM has someone assigned whatever those listed are.
    /// </summary>
    public bool ActiveDirectoryUserOutsideInput { get; init; }

    /// <summary>How long a deactivated directory user stays suspended before removal (the parent's setting).</summary>
    public TimeSpan RemovalGrace { get; init; } = TimeSpan.FromDays(Organizations.ParentOrganization.DefaultRemovalGraceDays);

    /// <summary>
    /// The moment the plan is for, given by the service from its clock (the engine reads none). Only the removal grace
    /// period uses it; left at its default, no grace period has ended (a preview removes nobody for it).
    /// </summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.MinValue;

    /// <summary>When a user deactivated at <paramref name="deactivatedAt"/> is removed.</summary>
    public DateTimeOffset RemovedOn(DateTimeOffset deactivatedAt) => deactivatedAt + RemovalGrace;

    /// <summary>A group's current name for explanations; the key itself when the group is gone.</summary>
    public string GroupName(string groupKey) => GroupNames.TryGetValue(groupKey, out var name) ? name : groupKey;

    /// <summary>
    /// Switching into SCIM from another mode: existing members come under sync ("adopted"), so those the IdP has
    /// not assigned are deprovisioned. This is the hazard the help article warns about, and why the save guard
    /// shows the diff first.
    /// </summary>
    public bool AdoptsExistingMembers => Settings.Mode == ProvisioningMode.Scim && Organization.CurrentMode != ProvisioningMode.Scim;
}
