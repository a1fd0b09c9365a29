using Bunit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>The break-glass person is named by the organization's top role: Owner in a chat organization, Admin in Console.</summary>
public sealed class BreakGlassSelectTests : ComponentTest
{
    [Theory]
    [InlineData(Product.Chat, "Break-glass owner", "so an owner can")]
    [InlineData(Product.Console, "Break-glass admin", "so an admin can")]
    public void Label_NamesTheTopRoleOfTheProduct(Product product, string label, string helper)
    {
        var cut = Render<BreakGlassSelect>(p => p.Add(c => c.Product, product).Add(c => c.Candidates, []));

        Assert.Contains(label, cut.Markup, StringComparison.Ordinal);
        Assert.Contains(helper, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(product == Product.Console ? "owner" : "admin", cut.Markup.ToLowerInvariant().Replace("data-testid", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
