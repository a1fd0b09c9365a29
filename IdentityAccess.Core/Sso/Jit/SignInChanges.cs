using IdentityAccess.Core.People;
using IdentityAccess.Core.Scim.Log;

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
    public LogPhrase? Describe(string email)
    {
        var parts = new List<LogPhrase>();
        if (PersonCreated)
        {
            parts.Add(LogPhrase.Of(LogPhraseCode.PersonCreated));
        }
        else if (Linked)
        {
            parts.Add(LogPhrase.Of(LogPhraseCode.SubjectLinked));
        }

        if (Profile is { Changed: true } profile)
        {
            parts.Add(LogPhrase.Of(LogPhraseCode.ProfileChanged) with { Details = ProvisioningLogNotes.ProfileDetails(profile) });
        }

        switch (Profile?.EmailRefused)
        {
            case ProfileEmailRefusal.OutsideVerifiedDomains:
                parts.Add(LogPhrase.Of(LogPhraseCode.EmailNotChangedOutsideDomains));
                break;
            case ProfileEmailRefusal.UsedByAnotherPerson:
                parts.Add(LogPhrase.Of(LogPhraseCode.EmailNotChangedUsedByAnother));
                break;
            case null:
                break;
        }

        parts.AddRange(After.Values.OrderBy(m => m.OrganizationName, StringComparer.Ordinal)
            .SelectMany(after => SignInMembership.Changes(Before.GetValueOrDefault(after.OrganizationId), after)));
        return parts.Count == 0 ? null : LogPhrase.Of(LogPhraseCode.SignInChanged, email) with { Then = parts };
    }

    /// <summary>An existing member who signed in and changed nothing, e.g. "alice@acme.test signed in: Owner in Acme".</summary>
    public LogPhrase DescribeAccepted(string email)
    {
        var active = Access.Where(a => a.CanSignIn).Select(a => a.OrganizationId).ToHashSet();
        var where = After.Values.Where(m => active.Contains(m.OrganizationId)).OrderBy(m => m.OrganizationName, StringComparer.Ordinal)
            .Select(m => LogPhrase.Of(LogPhraseCode.SignedInTo, [m.OrganizationName, .. m.Values()])).ToList();
        return where.Count == 0
            ? LogPhrase.Of(LogPhraseCode.SignedInToAcceptInvitation, email)
            : LogPhrase.Of(LogPhraseCode.SignedIn, email) with { Then = where };
    }
}
