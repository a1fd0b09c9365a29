namespace IdentityAccess.Core.Api.Keys;

/// <summary>A key just created: <paramref name="Token"/> is shown this once and never stored.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Prefix, string Token);
