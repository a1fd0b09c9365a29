using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The parent's SCIM tokens for one section: listed for its scope; generated and revoked on the parent.</summary>
public sealed class ScimTokensState(ScimSetupService scim, ParentSettingsScope scope)
{
    public IReadOnlyList<ScimTokenInfo> Tokens { get; private set; } = [];

    public async Task LoadAsync() => Tokens = (scope.OrganizationId is { } organizationId
        ? await scim.ListAsync(organizationId, scope.PersonId)
        : await scim.ListForParentAsync(scope.ParentId, scope.PersonId)) ?? [];

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(IReadOnlyList<ScimTokenInfo> tokens) => Tokens = tokens;

    public Task<ScimSetupService.TokenChange> GenerateAsync() => scim.GenerateAsync(scope.ParentId, scope.PersonId);

    public Task<(ScimTokenRevokeImpact? Impact, Core.Common.Error? Refusal)> PreviewRevokeAsync(Guid tokenId) =>
        scim.PreviewRevokeAsync(scope.ParentId, tokenId, scope.PersonId);

    public Task<ScimSetupService.TokenChange> RevokeAsync(Guid tokenId, string? confirmation) =>
        scim.RevokeAsync(scope.ParentId, tokenId, scope.PersonId, confirmation);
}
