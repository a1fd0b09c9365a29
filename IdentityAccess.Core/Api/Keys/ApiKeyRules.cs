namespace IdentityAccess.Core.Api.Keys;

/// <summary>What a new key's input must satisfy, checked before anything is written.</summary>
internal static class ApiKeyRules
{
    public const int MaxNameLength = 100;
}
