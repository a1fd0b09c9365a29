using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Members;

/// <summary>The members page's Invite dialog: the add-member form in its invitation wording.</summary>
public sealed class InviteDialogTests : MemberDialogTest
{
    private readonly List<NewMember> _submitted = [];
    private IReadOnlyList<Error> _answer = [];

    private Task OpenAsync() => ShowAsync(new DialogParameters<AddMemberDialog>
    {
        { d => d.Product, Product.Chat },
        { d => d.OrganizationName, "Acme" },
        { d => d.Seats, [new SeatUsage(SeatTier.Premium, 10, 10, 0), new SeatUsage(SeatTier.Standard, 20, 2, 0)] },
        { d => d.Invite, true },
        { d => d.InvitationLifetime, InvitationLabels.Lifetime(Localizers.Portal(), TimeSpan.FromDays(7)) },
        { d => d.Submit, member => { _submitted.Add(member); return Task.FromResult(_answer); } },
    });

    [Fact]
    public async Task Open_SaysWhatAnInvitationDoesAndForHowLong()
    {
        await OpenAsync();

        var dialog = Provider.Find(".mud-dialog").TextContent;
        Assert.NotEmpty(Provider.FindAll("[data-testid=invite-member-dialog]"));
        Assert.Contains("Invite someone to Acme", dialog, StringComparison.Ordinal);
        Assert.Contains("Their seat is held until they accept, for 7 days.", dialog, StringComparison.Ordinal);
        Assert.Equal("Send invitation", Provider.Find("[data-testid=invite-member-submit]").TextContent.Trim());
        Assert.Empty(Provider.FindAll("[data-testid=add-member-submit]"));
    }

    [Fact]
    public async Task Submit_EmailNameRoleAndTier_PassedAndClosesWithTheEmail()
    {
        await OpenAsync();
        TextBox("member-email").Change("nina@initech.test");
        TextBox("member-name").Change("Nina Newman");
        Pick("role-select", "User");
        Pick("tier-select", "Standard");

        Provider.Find("[data-testid=invite-member-submit]").Click();

        Assert.Equal(new NewMember("nina@initech.test", "Nina Newman", Role.User, SeatTier.Standard), Assert.Single(_submitted));
        Assert.Equal("nina@initech.test", (await Dialog.Result)!.Data);
    }

    [Fact]
    public async Task Submit_Refused_ShowsTheReasonAndStaysOpen()
    {
        _answer = [new AlreadyListed("nina@initech.test", "Acme", MembershipStatus.Invited)];
        await OpenAsync();

        Provider.Find("[data-testid=invite-member-submit]").Click();

        Provider.WaitForAssertion(() => Assert.Equal("nina@initech.test is already invited to Acme. Resend the invitation instead.",
            Provider.Find("[data-testid=member-error]").TextContent.Trim()));
        Assert.False(Dialog.Result.IsCompleted);
    }
}
