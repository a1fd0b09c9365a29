using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Web.Components.Members;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Members;

/// <summary>A refusal is readable: each reason in words, read out as an alert, and the refused field marked invalid.</summary>
public sealed class AddMemberDialogErrorTests : MemberDialogTest
{
    private Task OpenAsync(params Error[] answer) => ShowAsync(new DialogParameters<AddMemberDialog>
    {
        { d => d.Product, Product.Chat },
        { d => d.OrganizationName, "Acme" },
        { d => d.Seats, [new SeatUsage(SeatTier.Premium, 10, 2, 0), new SeatUsage(SeatTier.Standard, 20, 2, 0)] },
        { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>(answer) },
    });

    [Fact]
    public async Task Submit_EmailRefused_EmailMarkedInvalid_ReasonReadOutAsAnAlert()
    {
        await OpenAsync(new ValidationFailed("email", ValidationRule.EmailRequired));

        Provider.Find("[data-testid=add-member-submit]").Click();

        Provider.WaitForAssertion(() => Assert.Equal("true", TextBox("member-email").GetAttribute("aria-invalid")));
        Assert.Equal("false", TextBox("member-name").GetAttribute("aria-invalid"));
        var alert = Provider.Find("[data-testid=member-error]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal("Enter an email address, such as name@example.com.", alert.TextContent.Trim());
    }

    [Fact]
    public async Task Submit_RefusedForSeats_NoFieldMarkedInvalid()
    {
        await OpenAsync(new NoFreeSeat(SeatTier.Standard));

        Provider.Find("[data-testid=add-member-submit]").Click();

        Provider.WaitForAssertion(() => Assert.NotEmpty(Provider.FindAll("[data-testid=member-error]")));
        Assert.Equal("false", TextBox("member-email").GetAttribute("aria-invalid"));
        Assert.Equal("false", TextBox("member-name").GetAttribute("aria-invalid"));
    }
}
