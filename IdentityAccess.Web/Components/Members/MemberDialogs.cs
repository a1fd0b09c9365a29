using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Seats;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IdentityAccess.Web.Components.Members;

/// <summary>
/// Opens the owner's-tool dialogs the Members and member pages share. The page passes the Core call in; the dialog
/// shows its refusals and closes only once the change is saved, so a null or false result means nothing changed. The
/// localizer names each dialog in the reader's language.
/// </summary>
internal static class MemberDialogs
{
    private static readonly DialogOptions _options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <returns>The email added, or null when cancelled.</returns>
    public static async Task<string?> AddAsync(IDialogService dialogs, IStringLocalizer localizer, OrganizationSummary organization, IReadOnlyList<SeatUsage> seats,
        Func<NewMember, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<AddMemberDialog>(localizer["Members.Add"], new DialogParameters<AddMemberDialog>
        {
            { d => d.Product, organization.Product },
            { d => d.OrganizationName, organization.Name },
            { d => d.Seats, seats },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: string email } ? email : null;
    }

    /// <returns>The email invited, or null when cancelled.</returns>
    public static async Task<string?> InviteAsync(IDialogService dialogs, IStringLocalizer localizer, OrganizationSummary organization, IReadOnlyList<SeatUsage> seats,
        TimeSpan lifetime, Func<NewMember, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<AddMemberDialog>(localizer["Members.Invite"], new DialogParameters<AddMemberDialog>
        {
            { d => d.Product, organization.Product },
            { d => d.OrganizationName, organization.Name },
            { d => d.Seats, seats },
            { d => d.Invite, true },
            { d => d.InvitationLifetime, InvitationLabels.Lifetime(localizer, lifetime) },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: string email } ? email : null;
    }

    public static async Task<RoleChange?> ChangeRoleAsync(IDialogService dialogs, IStringLocalizer localizer, OrganizationSummary organization, MemberListItem member,
        IReadOnlyList<SeatUsage> seats, RoleExplanation? explanation, Func<RoleChange, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<ChangeRoleDialog>(localizer["Member.ChangeRoleOrTier"], new DialogParameters<ChangeRoleDialog>
        {
            { d => d.Product, organization.Product },
            { d => d.Member, member },
            { d => d.Seats, seats },
            { d => d.Explanation, explanation },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: RoleChange change } ? change : null;
    }

    public static async Task<bool> RemoveAsync(IDialogService dialogs, IStringLocalizer localizer, OrganizationSummary organization, MemberListItem member,
        Func<Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<RemoveMemberDialog>(localizer["Member.RemoveDialog"], new DialogParameters<RemoveMemberDialog>
        {
            { d => d.Member, member },
            { d => d.OrganizationName, organization.Name },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false };
    }

    public static async Task<SeatOrder?> BuySeatsAsync(IDialogService dialogs, IStringLocalizer localizer, IReadOnlyList<SeatUsage> seats, Func<SeatOrder, Task<IReadOnlyList<Error>>> submit)
    {
        var dialog = await dialogs.ShowAsync<BuySeatsDialog>(localizer["Seats.Buy"], new DialogParameters<BuySeatsDialog>
        {
            { d => d.Seats, seats },
            { d => d.Submit, submit },
        }, _options);
        return await dialog.Result is { Canceled: false, Data: SeatOrder order } ? order : null;
    }
}
