using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The parent's domains for one section: loaded for its scope, reloaded after each change.</summary>
public sealed class DomainsState(DomainService domains, ParentSettingsScope scope)
{
    public IReadOnlyList<DomainView> Domains { get; private set; } = [];

    public async Task LoadAsync() => Domains = (scope.OrganizationId is { } organizationId
        ? await domains.ListAsync(organizationId, scope.PersonId)
        : await domains.ListForParentAsync(scope.ParentId, scope.PersonId)) ?? [];

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(IReadOnlyList<DomainView> domains) => Domains = domains;

    public Task<Error?> AddAsync(string domain) => ChangeAsync(() => domains.AddAsync(scope.ParentId, domain, scope.PersonId));

    public Task<Error?> VerifyAsync(Guid id) => ChangeAsync(() => domains.VerifyAsync(scope.ParentId, id, scope.PersonId));

    public Task<(DomainRemovalImpact? Impact, Error? Refusal)> PreviewRemovalAsync(Guid id) => domains.PreviewRemovalAsync(scope.ParentId, id, scope.PersonId);

    public Task<Error?> RemoveAsync(Guid id, string? confirmation) => ChangeAsync(() => domains.RemoveAsync(scope.ParentId, id, scope.PersonId, confirmation));

    private async Task<Error?> ChangeAsync(Func<Task<Error?>> change)
    {
        var error = await change();
        await LoadAsync();
        return error;
    }
}
