using System.Security.Cryptography;
using System.Text;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>Builds rule-engine inputs in a sentence each: an organization, its draft, and the people it knows.</summary>
public sealed class ProvisioningScenario
{
    private static readonly DateTimeOffset _start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<KnownPerson> _people = [];
    private readonly Dictionary<string, string> _groups = [];
    private readonly HashSet<Guid> _heldTopRole = [];
    private readonly HashSet<Guid> _stagedForRemoval = [];
    private bool _topRoleElsewhere;

    private ProvisioningScenario(OrganizationFacts organization) => Organization = organization;

    public OrganizationFacts Organization { get; private set; }

    public ProvisioningDraft Draft { get; private set; } = ProvisioningDraft.Manual();

    public static ProvisioningScenario Chat(int premium = 10, int standard = 20, ProvisioningMode currentMode = ProvisioningMode.Manual) =>
        new(new OrganizationFacts(Guid.NewGuid(), "Acme", OrganizationPlan.Enterprise, ParentPlan.Enterprise, currentMode,
            [new SeatPoolFacts(SeatTier.Premium, premium), new SeatPoolFacts(SeatTier.Standard, standard)]));

    public static ProvisioningScenario TeamChat() =>
        new(new OrganizationFacts(Guid.NewGuid(), "Globex Team", OrganizationPlan.Team, ParentPlan.Team, ProvisioningMode.Manual,
            [new SeatPoolFacts(SeatTier.Premium, 5), new SeatPoolFacts(SeatTier.Standard, 5)]));

    public static ProvisioningScenario Console(int seats = 10, ProvisioningMode currentMode = ProvisioningMode.Manual) =>
        new(new OrganizationFacts(Guid.NewGuid(), "Acme Console", OrganizationPlan.Console, ParentPlan.Enterprise, currentMode,
            [new SeatPoolFacts(null, seats)]));

    public static Guid IdOf(string email) => new(MD5.HashData(Encoding.UTF8.GetBytes(email)));

    public ProvisioningScenario Mode(ProvisioningMode mode, bool mappings = false) =>
        With(Draft with { Mode = mode, AdvancedGroupMappings = mappings });

    public ProvisioningScenario MapRole(string group, Role role) =>
        With(Draft with { RoleMappings = [.. Draft.RoleMappings, new RoleMapping(Group(group), role)] });

    public ProvisioningScenario MapTier(string group, SeatTier tier) =>
        With(Draft with { TierMappings = [.. Draft.TierMappings, new TierMapping(Group(group), tier)] });

    public ProvisioningScenario BreakGlass(string email) => With(Draft with { BreakGlassPersonId = IdOf(email) });

    public ProvisioningScenario With(ProvisioningDraft draft)
    {
        Draft = draft;
        return this;
    }

    /// <summary>A current member. Directory presence and groups describe what the IdP says of them.</summary>
    public ProvisioningScenario Member(string email, Role role, SeatTier? tier, MembershipStatus status = MembershipStatus.Active,
        MembershipSource source = MembershipSource.Manual, DirectoryPresence directory = DirectoryPresence.Absent,
        GroupKnowledge? groupsFrom = null, params string[] groups) =>
        Add(email, directory, groupsFrom, groups, new CurrentMembership(role, tier, status, source, _start.AddMinutes(_people.Count)));

    /// <summary>Someone the directory knows who is not a member (yet).</summary>
    public ProvisioningScenario DirectoryUser(string email, DirectoryPresence directory = DirectoryPresence.Active, params string[] groups) =>
        Add(email, directory, null, groups, null);

    /// <summary>The IdP's assertion said the groups were too many to list (Entra's overage claim).</summary>
    public ProvisioningScenario SigningInWithGroupOverage(string email)
    {
        SigningIn(email);
        var index = _people.FindIndex(p => p.Email == email);
        _people[index] = _people[index] with { GroupsIncomplete = true };
        return this;
    }

    /// <summary>Someone who signed in earlier (with these groups) without being a member, and is not signing in now.</summary>
    public ProvisioningScenario SignedInBefore(string email, params string[] groups)
    {
        _people.Add(new KnownPerson(IdOf(email), null, email, email, DirectoryPresence.Absent, GroupKnowledge.LastSignIn, [.. groups.Select(Group)], null, null));
        return this;
    }

    public ProvisioningScenario SigningIn(string email, params string[] groups)
    {
        var index = _people.FindIndex(p => p.Email == email);
        var groupKeys = groups.Select(Group).ToList();
        if (index < 0)
        {
            _people.Add(new KnownPerson(IdOf(email), null, email, email, DirectoryPresence.Absent, GroupKnowledge.LastSignIn, groupKeys, null, null) { SigningIn = true });
        }
        else
        {
            _people[index] = _people[index] with { SigningIn = true, GroupsFrom = GroupKnowledge.LastSignIn, GroupKeys = groupKeys };
        }

        return this;
    }

    /// <summary>A role set by hand on a current member (an override), as the Members page records it.</summary>
    public ProvisioningScenario Override(string email, Role role, string setBy = "Bob Brown")
    {
        var index = _people.FindIndex(p => p.Email == email);
        _people[index] = _people[index] with { Membership = _people[index].Membership! with { Override = new RoleOverride(role, setBy, _start.AddDays(1)) } };
        return this;
    }

    /// <summary>The member has an open held top-role change from an earlier request.</summary>
    public ProvisioningScenario AlreadyHeld(string email)
    {
        _heldTopRole.Add(IdOf(email));
        return this;
    }

    /// <summary>The mass-removal breaker holds back this member's removal.</summary>
    public ProvisioningScenario StagedForRemoval(string email)
    {
        _stagedForRemoval.Add(IdOf(email));
        return this;
    }

    /// <summary>A scoped load: an active top-role member exists who is not among the people listed.</summary>
    public ProvisioningScenario TopRoleHeldElsewhere()
    {
        _topRoleElsewhere = true;
        return this;
    }

    public ProvisioningInput Input() => new(Organization, Draft, _people, _groups)
    {
        HeldTopRole = _heldTopRole,
        HeldBack = _stagedForRemoval,
        TopRoleHeldOutsideInput = _topRoleElsewhere,
    };

    public ProvisioningPlan Evaluate() => ProvisioningRules.Evaluate(Input());

    public IReadOnlyList<IdentityAccess.Core.Common.Error> Guard(string actingEmail)
    {
        var input = Input();
        return ProvisioningChangeGuard.Check(input, ProvisioningRules.Evaluate(input), IdOf(actingEmail));
    }

    private ProvisioningScenario Add(string email, DirectoryPresence directory, GroupKnowledge? groupsFrom, string[] groups, CurrentMembership? membership)
    {
        var knowledge = groupsFrom ?? (directory == DirectoryPresence.Absent ? GroupKnowledge.Unknown : GroupKnowledge.Directory);
        _people.Add(new KnownPerson(IdOf(email), null, email, email, directory, knowledge, groups.Select(Group).ToList(),
            directory == DirectoryPresence.Absent ? null : _start.AddHours(_people.Count), membership));
        return this;
    }

    private string Group(string name)
    {
        var key = "grp-" + name;
        _groups[key] = name;
        return key;
    }
}
