using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// "Set up SCIM" for the settings page: the parent's tokens, reached through one of its organizations, with the
/// acting person's right to manage identity and access checked on every call.
/// </summary>
public sealed class ScimSetupService(OrganizationAccessService access, ScimTokenService tokens)
{
    public sealed record TokenChange(string? Secret, Error? Error, IReadOnlyList<ScimTokenInfo> Tokens);

    public async Task<IReadOnlyList<ScimTokenInfo>?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        await ParentAsync(organizationId, actingPersonId, cancellationToken) is { } parent ? await tokens.ListActiveAsync(parent, cancellationToken) : null;

    public async Task<TokenChange> GenerateAsync(Guid organizationId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actor.PersonId, cancellationToken) is not { } parent)
        {
            return new TokenChange(null, new ValidationFailed("organization", "Only the organization's Owner (chat) or Admin (Console) can set up SCIM."), []);
        }

        var (token, error) = await tokens.GenerateAsync(parent, actor, cancellationToken);
        return new TokenChange(token?.Secret, error, await tokens.ListActiveAsync(parent, cancellationToken));
    }

    public async Task<TokenChange> RevokeAsync(Guid organizationId, Guid tokenId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actor.PersonId, cancellationToken) is not { } parent)
        {
            return new TokenChange(null, new ValidationFailed("organization", "Only the organization's Owner (chat) or Admin (Console) can manage SCIM."), []);
        }

        var error = await tokens.RevokeAsync(parent, tokenId, actor, cancellationToken);
        return new TokenChange(null, error, await tokens.ListActiveAsync(parent, cancellationToken));
    }

    private async Task<Guid?> ParentAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken);
        return check.IsGranted ? check.Organization!.ParentId : null;
    }
}
