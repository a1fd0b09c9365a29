using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Parents;

/// <summary>An organization's standing with its parent, for its top role's section on the Identity and access page.</summary>
public sealed class ParentMembershipState(ParentMembership membership, Guid organizationId, Guid personId)
{
    /// <summary>Null when the person may not change the organization's parent (the section then stays hidden).</summary>
    public ParentMembershipView? View { get; private set; }

    public async Task LoadAsync() => View = await membership.GetAsync(organizationId, personId);

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(ParentMembershipView? view) => View = view;

    public Task<Error?> RequestToJoinAsync(Guid parentId) => ChangeAsync(membership.RequestToJoinAsync(organizationId, parentId, personId));

    public Task<Error?> WithdrawAsync() => ChangeAsync(membership.WithdrawAsync(organizationId, personId));

    public Task<Error?> LeaveAsync() => membership.LeaveAsync(organizationId, personId);

    private async Task<Error?> ChangeAsync(Task<Error?> change)
    {
        var error = await change;
        await LoadAsync();
        return error;
    }
}
