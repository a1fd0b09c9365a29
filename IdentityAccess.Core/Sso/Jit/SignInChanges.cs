using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>What one SAML sign-in changed, gathered while it runs, for its provisioning-log row.</summary>
internal sealed class SignInChanges(bool personCreated, bool linked)
{
    public bool PersonCreated { get; } = personCreated;

    /// <summary>The IdP's subject was linked to a person on this sign-in (an existing one, by verified-domain email, or the new one).</summary>
    public bool Linked { get; } = linked;

    public ProfileChange? Profile { get; set; }

    public IReadOnlyList<OrganizationAccess> Access { get; set; } = [];

    /// <summary>The person's memberships in the parent's organizations before JIT ran.</summary>
    public IReadOnlyDictionary<Guid, SignInMembership> Before { get; set; } = new Dictionary<Guid, SignInMembership>();

    /// <summary>The same after JIT ran and was saved: what the row reports as provisioned or changed, from → to.</summary>
    public IReadOnlyDictionary<Guid, SignInMembership> After { get; set; } = new Dictionary<Guid, SignInMembership>();

    /// <summary>
    /// E.g. "frank@acme.test: created the person; provisioned in Acme as Member, Standard seat"; null when nothing
    /// changed (<see cref="DescribeAccepted"/> then words the row).
    /// </summary>
    public string? Describe(string email)
    {
        var parts = new List<string>();
        if (PersonCreated)
        {
            parts.Add("created the person");
        }
        else if (Linked)
        {
            parts.Add("linked the IdP's subject to the existing person");
        }

        if (Profile is { Changed: true } profile)
        {
            parts.Add($"profile updated ({string.Join(", ", new[] { profile.NameChanged ? "name" : null, profile.EmailChanged ? "email" : null }.OfType<string>())})");
        }

        parts.Add(Profile?.EmailRefused switch
        {
            ProfileEmailRefusal.OutsideVerifiedDomains => "email not changed: the asserted address is not of a verified domain",
            ProfileEmailRefusal.UsedByAnotherPerson => "email not changed: the asserted address is another person's",
            null => "",
        });
        parts.AddRange(After.Values.OrderBy(m => m.OrganizationName, StringComparer.Ordinal)
            .SelectMany(after => SignInMembership.Changes(Before.GetValueOrDefault(after.OrganizationId), after)));
        parts.RemoveAll(p => p.Length == 0);
        return parts.Count == 0 ? null : $"{email}: {string.Join("; ", parts)}";
    }

    /// <summary>An existing member who signed in and changed nothing, e.g. "alice@acme.test signed in: Owner in Acme".</summary>
    public string DescribeAccepted(string email)
    {
        var active = Access.Where(a => a.CanSignIn).Select(a => a.OrganizationId).ToHashSet();
        var where = After.Values.Where(m => active.Contains(m.OrganizationId)).OrderBy(m => m.OrganizationName, StringComparer.Ordinal)
            .Select(m => $"{m.Describe()} in {m.OrganizationName}").ToList();
        return where.Count == 0 ? $"{email} signed in (an invitation to accept)" : $"{email} signed in: {string.Join("; ", where)}";
    }
}
