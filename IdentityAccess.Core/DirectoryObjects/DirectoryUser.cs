namespace IdentityAccess.Core.DirectoryObjects;

/// <summary>A user as the identity provider knows them, in the directory of one parent organization.</summary>
public sealed class DirectoryUser
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    /// <summary>The IdP's immutable id (Entra object id, Okta user id); never the email.</summary>
    public string? ExternalId { get; set; }

    public required string UserName { get; set; }

    public string NormalizedUserName { get; set; } = "";

    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>The SCIM name.givenName and name.familyName, kept as columns for filters and sortBy.</summary>
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    /// <summary>The SCIM type ("work", "home"…) of <see cref="Email"/>, for filters such as <c>emails[type eq "work"]</c>.</summary>
    public string? EmailType { get; set; }

    /// <summary>False when the IdP deactivated the user (SCIM active=false).</summary>
    public bool Active { get; set; } = true;

    /// <summary>
    /// When the IdP last deactivated the user; null while active. The removal grace period of the parent counts from here
    /// (<see cref="Organizations.ParentOrganization.RemovalGraceDays"/>), so reactivating and deactivating again starts it anew.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Records the moment of a deactivation, and forgets it at reactivation; called after every directory write.</summary>
    public void TrackDeactivation(DateTimeOffset now) => DeactivatedAt = Active ? null : DeactivatedAt ?? now;

    /// <summary>The person this directory user is, once linked.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>
    /// The SCIM resource as the IdP last wrote it (name, emails, enterprise extension…), minus secrets; the columns
    /// above are extracted from it for lookups. Null for users that did not come through SCIM.
    /// </summary>
    public string? ScimDocument { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>SCIM meta.version (RFC 7644 §3.14): raised by every SCIM write; a counter, as timestamps lose precision in PostgreSQL.</summary>
    public long Version { get; set; } = 1;
}
