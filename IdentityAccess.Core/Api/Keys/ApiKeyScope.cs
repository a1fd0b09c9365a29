namespace IdentityAccess.Core.Api.Keys;

/// <summary>What an API key may call on top of what its creator may do.</summary>
public enum ApiKeyScope
{
    /// <summary>Reads only: a write is refused even when its creator could make it.</summary>
    ReadOnly,

    /// <summary>Reads and writes, as far as its creator's roles allow.</summary>
    ReadWrite,
}
