using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Parents;

/// <summary>The requests to join the parent, for its section: loaded, reloaded after a decision.</summary>
public sealed class JoinRequestsState(JoinRequestReview review, ParentPageScope scope)
{
    public IReadOnlyList<JoinRequestView> Pending { get; private set; } = [];

    public async Task LoadAsync() => Pending = await review.ListPendingAsync(scope.ParentId, scope.PersonId) ?? [];

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(IReadOnlyList<JoinRequestView> requests) => Pending = requests;

    public Task<Error?> ApproveAsync(Guid requestId) => ChangeAsync(review.ApproveAsync(scope.ParentId, requestId, scope.PersonId));

    public Task<Error?> DeclineAsync(Guid requestId) => ChangeAsync(review.DeclineAsync(scope.ParentId, requestId, scope.PersonId));

    private async Task<Error?> ChangeAsync(Task<Error?> change)
    {
        var error = await change;
        await LoadAsync();
        return error;
    }
}
