namespace IdentityAccess.Core.Api.Keys;

/// <summary>Why a presented key does or does not open the API; only <see cref="Valid"/> carries a caller.</summary>
public enum ApiKeyCheckOutcome
{
    /// <summary>Not one of our keys, or the right prefix with the wrong secret: the caller learns nothing more.</summary>
    Unknown,
    Revoked,
    Expired,
    Valid,
}

public sealed record ApiKeyCheck(ApiKeyCheckOutcome Outcome, ApiKeyCaller? Caller)
{
    public static ApiKeyCheck Unknown { get; } = new(ApiKeyCheckOutcome.Unknown, null);
}
