namespace IdentityAccess.Core.Persistence.DataProtectionKeys;

/// <summary>
/// One ASP.NET Core Data Protection key (its XML as the key manager wrote it). In the database, every app instance
/// decrypts the session cookies and antiforgery tokens that any other instance issued.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; init; }

    /// <summary>The key manager's name for the element (key-{guid}); for operators reading the table.</summary>
    public string? FriendlyName { get; init; }

    public required string Xml { get; init; }
}
