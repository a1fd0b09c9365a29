using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Parents;

/// <summary>The parent's admins for its section: loaded, reloaded after a grant or a revocation.</summary>
public sealed class ParentAdminsState(ParentAdministration admins, ParentPageScope scope)
{
    public IReadOnlyList<ParentAdminView>? Admins { get; private set; }

    public async Task LoadAsync() => Admins = await admins.ListAsync(scope.ParentId, scope.PersonId);

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(IReadOnlyList<ParentAdminView>? admins) => Admins = admins;

    public Task<Error?> GrantAsync(string email) => ChangeAsync(admins.GrantAsync(scope.ParentId, email, scope.PersonId));

    public Task<Error?> RevokeAsync(Guid personId) => ChangeAsync(admins.RevokeAsync(scope.ParentId, personId, scope.PersonId));

    private async Task<Error?> ChangeAsync(Task<Error?> change)
    {
        var error = await change;
        await LoadAsync();
        return error;
    }
}
