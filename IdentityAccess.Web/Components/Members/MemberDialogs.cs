using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Seats;
using MudBlazor;

namespace IdentityAccess.Web.Components.Members;

/// <summary>
/// Opens the owner's-tool dialogs the Members and member pages share. The page passes the Core call in; the dialog
/// shows its refusals and closes only once the change is saved, so a null or false result means nothing changed.
/// </summary>
internal static class MemberDialogs
{
    private static readonly DialogOptions _options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <returns>The email added, or null when cancelled.</returns>
    public static async Task<string?> AddAsync(IDialogService dialogs, OrganizationSummary organization, IReadOnlyList<SeatUsage> seats,
        Func<NewMember, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<AddMemberDialog>("Add member", new DialogParameters<AddMemberDialog>
        {
            { d => d.Product, organization.Product },
            { d => d.OrganizationName, organization.Name },
            { d => d.Seats, seats },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: string email } ? email : null;
    }

    /// <returns>The email invited, or null when cancelled.</returns>
    public static async Task<string?> InviteAsync(IDialogService dialogs, OrganizationSummary organization, IReadOnlyList<SeatUsage> seats,
        TimeSpan lifetime, Func<NewMember, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<AddMemberDialog>("Invite", new DialogParameters<AddMemberDialog>
        {
            { d => d.Product, organization.Product },
            { d => d.OrganizationName, organization.Name },
            { d => d.Seats, seats },
            { d => d.Invite, true },
            { d => d.InvitationLifetime, InvitationLabels.Lifetime(lifetime) },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: string email } ? email : null;
    }

    public static async Task<RoleChange?> ChangeRoleAsync(IDialogService dialogs, OrganizationSummary organization, MemberListItem member,
        IReadOnlyList<SeatUsage> seats, RoleExplanation? explanation, Func<RoleChange, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<ChangeRoleDialog>("Change role or tier", new DialogParameters<ChangeRoleDialog>
        {
            { d => d.Product, organization.Product },
            { d => d.Member, member },
            { d => d.Seats, seats },
            { d => d.Explanation, explanation },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: RoleChange change } ? change : null;
    }

    public static async Task<bool> RemoveAsync(IDialogService dialogs, OrganizationSummary organization, MemberListItem member,
        Func<Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<RemoveMemberDialog>("Remove member", new DialogParameters<RemoveMemberDialog>
        {
            { d => d.Member, member },
            { d => d.OrganizationName, organization.Name },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false };
    }

    public static async Task<SeatOrder?> BuySeatsAsync(IDialogService dialogs, IReadOnlyList<SeatUsage> seats, Func<SeatOrder, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<BuySeatsDialog>("Buy seats", new DialogParameters<BuySeatsDialog>
        {
            { d => d.Seats, seats },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: SeatOrder order } ? order : null;
    }
}
