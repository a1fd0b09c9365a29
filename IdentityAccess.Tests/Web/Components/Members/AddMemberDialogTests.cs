using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Web.Components.Members;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Members;

public sealed class AddMemberDialogTests : MemberDialogTest
{
    private readonly List<NewMember> _submitted = [];
    private IReadOnlyList<Error> _answer = [];

    private Task OpenAsync(Product product, params SeatUsage[] seats) => ShowAsync(new DialogParameters<AddMemberDialog>
    {
        { d => d.Product, product },
        { d => d.OrganizationName, "Acme" },
        { d => d.Seats, seats },
        { d => d.Submit, member => { _submitted.Add(member); return Task.FromResult(_answer); } },
    });

    [Fact]
    public async Task Open_ConsoleOrganization_OffersConsoleRolesInOrderAndNoTierSelect()
    {
        await OpenAsync(Product.Console, new SeatUsage(null, 10, 3, 0));

        Assert.Empty(Provider.FindAll("[data-testid=tier-select]"));
        Assert.Equal(["Admin", "Developer", "Billing", "Claude Code User", "User"], OpenSelect("role-select"));
    }

    [Fact]
    public async Task Open_ChatOrganization_OffersChatRolesAndPremiumThenStandardWithFreeSeats()
    {
        await OpenAsync(Product.Chat, new SeatUsage(SeatTier.Premium, 10, 10, 0), new SeatUsage(SeatTier.Standard, 20, 2, 0));

        Assert.Equal(["Owner", "Admin", "User"], OpenSelect("role-select"));
        Popovers.FindAll(".mud-popover-open .mud-list-item")[2].Click(); // close by picking User again
        Assert.Equal(["Premium · 0 free", "Standard · 18 free"], OpenSelect("tier-select"));
    }

    [Fact]
    public async Task Submit_Filled_PassesWhatWasTypedAndCloses()
    {
        await OpenAsync(Product.Chat, new SeatUsage(SeatTier.Premium, 10, 2, 0), new SeatUsage(SeatTier.Standard, 20, 2, 0));
        TextBox("member-email").Change("nora@acme.test");
        TextBox("member-name").Change("Nora Newhire");
        Pick("role-select", "Admin");

        Provider.Find("[data-testid=add-member-submit]").Click();

        // The tier defaults to the highest one with a free seat, as the rule engine's default does.
        Assert.Equal(new NewMember("nora@acme.test", "Nora Newhire", Role.Admin, SeatTier.Premium), Assert.Single(_submitted));
        var result = await Dialog.Result;
        Assert.Equal("nora@acme.test", result!.Data);
    }

    [Fact]
    public async Task Submit_Refused_ShowsEachReasonAndStaysOpen()
    {
        _answer = [new NoFreeSeat(SeatTier.Standard), new OnlyTopRoleChangesTopRole("Owner")];
        await OpenAsync(Product.Chat, new SeatUsage(SeatTier.Premium, 2, 2, 0), new SeatUsage(SeatTier.Standard, 2, 2, 0));

        Provider.Find("[data-testid=add-member-submit]").Click();

        Provider.WaitForAssertion(() => Assert.Equal(
            ["No free Standard seat. Buy seats first.", "Only the organization's Owners can make someone Owner or take Owner away."],
            Provider.FindAll("[data-testid=member-error]").Select(e => e.TextContent.Trim())));
        Assert.NotEmpty(Provider.FindAll("[data-testid=add-member-dialog]"));
        Assert.False(Dialog.Result.IsCompleted);
    }
}
