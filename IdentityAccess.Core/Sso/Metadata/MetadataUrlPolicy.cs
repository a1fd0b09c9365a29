using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>
/// Which metadata URLs may be fetched. Metadata decides which keys are trusted, so it must come over TLS: plain http
/// would let anyone on the path swap the IdP's keys. Http is allowed only in Development (local test IdPs).
/// </summary>
public static class MetadataUrlPolicy
{
    public const int MaxLength = 2048;

    public static (Uri? Url, Error? Error) Check(string? text, bool allowHttp)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (null, new MetadataUrlInvalid("it is empty"));
        }

        if (trimmed.Length > MaxLength)
        {
            return (null, new MetadataUrlInvalid($"it is longer than {MaxLength} characters"));
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var url))
        {
            return (null, new MetadataUrlInvalid("it is not an absolute URL"));
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return (null, new MetadataUrlInvalid("it must not carry a user name or password"));
        }

        if (url.Scheme == Uri.UriSchemeHttps || (allowHttp && url.Scheme == Uri.UriSchemeHttp))
        {
            return (url, null);
        }

        return (null, new MetadataUrlInvalid(allowHttp ? "only http and https are allowed" : "only https is allowed"));
    }
}
