using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Core.People;

/// <summary>Email addresses are compared case-insensitively everywhere (RFC 5321 allows case in the local part, no IdP uses it).</summary>
public static class EmailAddress
{
    /// <summary>RFC 5321 §4.5.3.1: a local part holds at most 64 octets, a whole path 256 (the column holds 320).</summary>
    private const int MaxLocalPart = 64;
    private const int MaxLength = 320;

    public static string Clean(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return email.Trim();
    }

    public static string Normalize(string email) => Clean(email).ToUpperInvariant();

    /// <summary>The part after the last '@', lower-cased; empty when there is none.</summary>
    public static string DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? "" : email[(at + 1)..].Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The domain of a well-formed address, in the form verified domains are stored in (lower-case ASCII, punycode), or
    /// null: exactly one '@', a local part of 1 to 64 characters without spaces or control characters, and a domain
    /// name <see cref="DomainChallenge.Normalize"/> accepts. Who may own a person is decided on this domain, so
    /// anything ambiguous ("a@b@c.test", "a@[10.0.0.1]", "a@b.test ") has none.
    /// </summary>
    public static string? DomainIfWellFormed(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > MaxLength)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at is < 1 or > MaxLocalPart || at != email.LastIndexOf('@') || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        // Normalize forgives a trailing dot, which a mail address must not have.
        var domain = email[(at + 1)..];
        return !domain.EndsWith('.') && DomainChallenge.Normalize(domain) is (string normalized, null) ? normalized : null;
    }
}
