namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// <see cref="GroupResolution"/> for everyone in one evaluation, worked out once per set of mapped groups. A person's
/// role, tier and reasons depend only on which mapped groups they are in, and a large directory has few such sets
/// (most people share one or two), so 100,000 people no longer build 100,000 identical reason strings.
/// </summary>
/// <param name="shared">Holds each set's reasons, so the reasons built on them (<see cref="SharedOutcomeParts.Append(IReadOnlyList{OutcomeReason}, ReasonCode)"/>) are shared too.</param>
internal sealed class GroupResolutions(ProvisioningInput input, SharedOutcomeParts shared)
{
    // Never part of a group id an IdP sends, so joined keys of different sets cannot collide.
    private const char Separator = '\0';

    private readonly HashSet<string> _mapped =
        [.. input.Settings.RoleMappings.Select(m => m.GroupKey), .. input.Settings.TierMappings.Select(m => m.GroupKey)];

    private readonly Dictionary<string, GroupResolution> _byMappedGroups = new(StringComparer.Ordinal);

    public GroupResolution For(KnownPerson person)
    {
        var key = MappedGroupsKey(person.GroupKeys);
        if (!_byMappedGroups.TryGetValue(key, out var resolution))
        {
            resolution = GroupResolution.For(input, person);
            resolution = resolution with { Reasons = shared.Reasons(resolution.Reasons) };
            _byMappedGroups[key] = resolution;
        }

        return resolution;
    }

    // The person's mapped groups, distinct and in ordinal order; usually none or one, which needs no allocation.
    private string MappedGroupsKey(IReadOnlyCollection<string> groupKeys)
    {
        string? first = null;
        SortedSet<string>? several = null;
        foreach (var key in groupKeys)
        {
            if (!_mapped.Contains(key) || string.Equals(key, first, StringComparison.Ordinal))
            {
                continue;
            }

            if (first is null)
            {
                first = key;
            }
            else
            {
                (several ??= new SortedSet<string>(StringComparer.Ordinal) { first }).Add(key);
            }
        }

        return several is null ? first ?? "" : string.Join(Separator, several);
    }
}
