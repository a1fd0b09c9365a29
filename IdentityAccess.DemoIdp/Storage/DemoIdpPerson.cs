using IdentityAccess.Core.People;

namespace IdentityAccess.DemoIdp.Storage;

/// <summary>Someone in the demo identity provider's directory. Their tenant is the domain of their email.</summary>
public sealed class DemoIdpPerson
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The IdP's own key for them, like Entra's object id: the SAML NameID and the SCIM externalId.</summary>
    public required string ImmutableId { get; init; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    /// <summary>The email's domain; the demo IdP's tenants are domains, as an organization's IdP serves its own domain.</summary>
    public string Domain { get; private set; } = "";

    public required string DisplayName { get; set; }

    /// <summary>An inactive person cannot sign in, and a SCIM push deactivates them in the app.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public void ChangeEmail(string email)
    {
        Email = EmailAddress.Clean(email);
        NormalizedEmail = EmailAddress.Normalize(email);
        Domain = EmailAddress.DomainOf(email);
    }
}
