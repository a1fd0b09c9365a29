namespace IdentityAccess.Core.Scim;

/// <summary>What revoking a SCIM token would stop, shown before it happens.</summary>
/// <param name="IsLastToken">No other token would be left: the IdP's next push is refused.</param>
/// <param name="OrganizationsInScimMode">The parent's organizations in Directory sync (SCIM) mode, which stop receiving changes.</param>
/// <param name="DirectoryUsers">People in the directory, who stay as they are until a new token is set in the IdP.</param>
public sealed record ScimTokenRevokeImpact(string Prefix, bool IsLastToken, IReadOnlyList<string> OrganizationsInScimMode, int DirectoryUsers)
{
    /// <summary>The last token while organizations depend on the directory: typed confirmation, on the server too.</summary>
    public bool NeedsTypedConfirmation => IsLastToken && OrganizationsInScimMode.Count > 0;

    public bool IsConfirmedBy(string? typed) => !NeedsTypedConfirmation || string.Equals(typed?.Trim(), Prefix, StringComparison.Ordinal);
}
