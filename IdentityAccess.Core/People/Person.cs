namespace IdentityAccess.Core.People;

/// <summary>Someone known to the product. The id is stable: an email change keeps the person.</summary>
public sealed class Person
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Email { get; private set; } = "";

    /// <summary>Upper-cased invariant form, so emails compare case-insensitively on every database.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The language the person picked in the portal (a culture name such as "pt-BR"); null until they pick one, when
    /// their browser's languages decide. Kept here so it follows them to another browser at their next sign-in.
    /// </summary>
    public string? PreferredLanguage { get; set; }

    public static Person Create(string email, string displayName, DateTimeOffset now)
    {
        var person = new Person { DisplayName = displayName, CreatedAt = now };
        person.ChangeEmail(email);
        return person;
    }

    public void ChangeEmail(string email)
    {
        Email = EmailAddress.Clean(email);
        NormalizedEmail = EmailAddress.Normalize(email);
    }
}
