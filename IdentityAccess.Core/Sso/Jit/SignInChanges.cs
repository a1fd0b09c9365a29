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

    public bool Any => PersonCreated || Linked || Profile is { Changed: true } || Profile?.EmailRefused is not null || Access.Any(a => a.MembershipChanges > 0);

    /// <summary>E.g. "frank@acme.test: created the person; 1 membership change in Acme"; null when nothing changed.</summary>
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
        var changed = Access.Where(a => a.MembershipChanges > 0).ToList();
        if (changed.Count > 0)
        {
            var count = changed.Sum(a => a.MembershipChanges);
            parts.Add($"{count} membership {(count == 1 ? "change" : "changes")} in {string.Join(", ", changed.Select(a => a.OrganizationName))}");
        }

        parts.RemoveAll(p => p.Length == 0);
        return parts.Count == 0 ? null : $"{email}: {string.Join("; ", parts)}";
    }
}
