namespace IdentityAccess.Core.People;

/// <summary>Email addresses are compared case-insensitively everywhere (RFC 5321 allows case in the local part, no IdP uses it).</summary>
public static class EmailAddress
{
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
}
