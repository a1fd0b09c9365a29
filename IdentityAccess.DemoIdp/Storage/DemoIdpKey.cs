namespace IdentityAccess.DemoIdp.Storage;

/// <summary>
/// The demo IdP's signing certificate with its private key (PKCS#12, no password). Kept in the demo IdP's own database,
/// so every app database beside it, and so every test app, has its own; it exists only where the Development-only demo IdP ran.
/// </summary>
public sealed class DemoIdpKey
{
    /// <summary>There is one key: its row always has this id.</summary>
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public required byte[] Pkcs12 { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
