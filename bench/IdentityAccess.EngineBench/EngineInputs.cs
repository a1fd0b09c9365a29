using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.EngineBench;

/// <summary>
/// A large parent built in memory: every person is in the directory and in five random groups of 200; four in five
/// are already members. Group mappings cover 20 groups for roles and 10 for tiers; seats are short for some tiers, so
/// the allocator's queue is exercised too.
/// </summary>
internal static class EngineInputs
{
    /// <param name="topRoleMapped">False: no group maps to the top role (Owner, Console Admin), so every member holding it
    /// is demoted and the engine keeps one (a held change), evaluating the organization a second time.</param>
    public static IReadOnlyList<ProvisioningInput> ThreeOrganizations(int people, int groups, int seed, bool topRoleMapped = true)
    {
        var random = new Random(seed);
        var groupKeys = Enumerable.Range(0, groups).Select(i => $"group-{i:D3}").ToArray();
        var names = groupKeys.ToDictionary(k => k, k => "Group " + k);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var chatRoles = new[] { Role.Owner, Role.Admin, Role.User };
        var consoleRoles = new[] { Role.Admin, Role.Developer, Role.Billing, Role.ClaudeCodeUser, Role.User };

        ProvisioningInput Build(string name, OrganizationPlan plan, Role[] roles, SeatTier?[] tiers, int seatsPerTier)
        {
            var org = new OrganizationFacts(Guid.NewGuid(), name, plan, ParentPlan.Enterprise, ProvisioningMode.Scim,
                [.. tiers.Select(t => new SeatPoolFacts(t, seatsPerTier))]);
            var draft = new ProvisioningDraft(ProvisioningMode.Scim, true,
                [.. groupKeys.Take(20).Select((k, i) => new RoleMapping(k, topRoleMapped || i % roles.Length != 0 ? roles[i % roles.Length] : roles[1]))],
                tiers[0] is null ? [] : [.. groupKeys.Skip(20).Take(10).Select((k, i) => new TierMapping(k, tiers[i % tiers.Length]!.Value))],
                null, 1);
            var known = new List<KnownPerson>(people);
            for (var i = 0; i < people; i++)
            {
                var keys = Enumerable.Range(0, 5).Select(_ => groupKeys[random.Next(groups)]).Distinct().ToArray();
                var member = random.Next(5) != 0
                    ? new CurrentMembership(roles[random.Next(roles.Length)], tiers[random.Next(tiers.Length)], MembershipStatus.Active, MembershipSource.Scim,
                        start.AddSeconds(i))
                    : null;
                known.Add(new KnownPerson(Guid.NewGuid(), Guid.NewGuid(), $"p{i}@acme.test", $"Person {i}", DirectoryPresence.Active,
                    GroupKnowledge.Directory, keys, start.AddSeconds(i), member));
            }

            return new ProvisioningInput(org, draft, known, names);
        }

        return
        [
            Build("Acme", OrganizationPlan.Enterprise, chatRoles, [SeatTier.Premium, SeatTier.Standard], people / 3),
            Build("Acme Research", OrganizationPlan.Enterprise, chatRoles, [SeatTier.Premium, SeatTier.Standard], people),
            Build("Acme Console", OrganizationPlan.Console, consoleRoles, [null], people),
        ];
    }
}
