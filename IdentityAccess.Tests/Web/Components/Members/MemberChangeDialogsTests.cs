using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Web.Components.Members;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Members;

public sealed class MemberChangeDialogsTests : MemberDialogTest
{
    private static readonly MemberListItem _carol =
        new(Guid.NewGuid(), Guid.NewGuid(), "Carol Chen", "carol@acme.test", Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim, DateTimeOffset.UnixEpoch);

    private static readonly SeatUsage[] _chatSeats = [new(SeatTier.Premium, 10, 2, 0), new(SeatTier.Standard, 20, 2, 1)];

    [Fact]
    public async Task ChangeRole_StartsFromCurrentRoleAndTier_SubmitsTheNewOnes()
    {
        RoleChange? submitted = null;
        await ShowAsync(new DialogParameters<ChangeRoleDialog>
        {
            { d => d.Product, Product.Chat }, { d => d.Member, _carol }, { d => d.Seats, _chatSeats },
            { d => d.Submit, c => { submitted = c; return Task.FromResult<IReadOnlyList<Error>>([]); } },
        });

        Pick("tier-select", "Premium");
        Provider.Find("[data-testid=change-role-submit]").Click();

        // The submit runs on the renderer's dispatcher: under load it may finish after Click returns.
        Provider.WaitForAssertion(() => Assert.Equal(new RoleChange(Role.User, SeatTier.Premium), submitted));
        Assert.Equal(new RoleChange(Role.User, SeatTier.Premium), (await Dialog.Result)!.Data);
    }

    [Fact]
    public async Task ChangeRole_WhereTheIdPsMappingsDecide_SaysTheRoleIsKeptByHand_OnlyOnceChanged()
    {
        // Carol's groups grant User under directory sync with role mappings ("Why this role?" for her).
        var carol = new KnownPerson(_carol.PersonId, Guid.NewGuid(), _carol.Email, _carol.DisplayName, default, default, ["users"], null,
            new CurrentMembership(Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim, DateTimeOffset.UnixEpoch));
        var explanation = new RoleExplanation(
            new PersonOutcome(carol, new DesiredMembership(Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim), [], [], false),
            new ProvisioningDraft(ProvisioningMode.Scim, true, [new RoleMapping("users", Role.User)], [], null, 1));
        await ShowAsync(new DialogParameters<ChangeRoleDialog>
        {
            { d => d.Product, Product.Chat }, { d => d.Member, _carol }, { d => d.Seats, _chatSeats }, { d => d.Explanation, explanation },
            { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>([]) },
        });
        Assert.Empty(Provider.FindAll("[data-testid=role-kept-by-hand]")); // nothing changed yet

        Pick("role-select", "Admin");

        Provider.WaitForAssertion(() => Assert.Contains("Admin is kept by hand",
            Provider.Find("[data-testid=role-kept-by-hand]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Provider.FindAll("[data-testid=change-undone-by-sync]")); // no tier mapping: the tier is not set back
    }

    [Fact]
    public async Task ChangeRole_Refused_ShowsTheReasonInTheDialog()
    {
        await ShowAsync(new DialogParameters<ChangeRoleDialog>
        {
            { d => d.Product, Product.Chat }, { d => d.Member, _carol }, { d => d.Seats, _chatSeats },
            { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>([new NoTopRoleLeft("Owner", "Acme")]) },
        });

        Provider.Find("[data-testid=change-role-submit]").Click();

        Provider.WaitForAssertion(() => Assert.Contains("Acme would have no Owner left", Provider.Find("[data-testid=member-error]").TextContent, StringComparison.Ordinal));
        Assert.False(Dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Remove_SyncedMember_WarnsAndRemovesOnlyOnConfirm()
    {
        var calls = 0;
        await ShowAsync(new DialogParameters<RemoveMemberDialog>
        {
            { d => d.Member, _carol }, { d => d.OrganizationName, "Acme" },
            { d => d.Submit, () => { calls++; return Task.FromResult<IReadOnlyList<Error>>([]); } },
        });

        Assert.Contains("Directory sync added this person", Provider.Find("[data-testid=remove-member-dialog]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, calls);
        Provider.Find("[data-testid=remove-member-confirm]").Click();

        Assert.Equal(1, calls);
        Assert.False((await Dialog.Result)!.Canceled);
    }

    [Fact]
    public async Task BuySeats_Chat_IsLabelledAStandInAndSetsTheNewTotalOfThePickedTier()
    {
        SeatOrder? submitted = null;
        await ShowAsync(new DialogParameters<BuySeatsDialog>
        {
            { d => d.Seats, _chatSeats },
            { d => d.Submit, o => { submitted = o; return Task.FromResult<IReadOnlyList<Error>>([]); } },
        });

        Assert.Equal("Stand-in for billing: changes the purchased count directly", Provider.Find("[data-testid=billing-stand-in]").TextContent.Trim());
        Pick("buy-seats-tier", "Standard");
        Assert.Equal("20", TextBox("buy-seats-total").GetAttribute("value"));
        TextBox("buy-seats-total").Change("25");
        Provider.Find("[data-testid=buy-seats-submit]").Click();

        Provider.WaitForAssertion(() => Assert.Equal(new SeatOrder(SeatTier.Standard, 25), submitted));
    }

    [Fact]
    public async Task BuySeats_Console_HasNoTierChoice_AndShowsRefusal()
    {
        await ShowAsync(new DialogParameters<BuySeatsDialog>
        {
            { d => d.Seats, [new SeatUsage(null, 10, 12, 0)] },
            { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>([new SeatsInUse(12)]) },
        });

        Assert.Empty(Provider.FindAll("[data-testid=buy-seats-tier]"));
        Provider.Find("[data-testid=buy-seats-submit]").Click();

        Provider.WaitForAssertion(() => Assert.Equal("12 seats are in use; you cannot go below 12.", Provider.Find("[data-testid=member-error]").TextContent.Trim()));
    }
}
