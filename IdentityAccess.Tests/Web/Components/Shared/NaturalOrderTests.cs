using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Shared;

namespace IdentityAccess.Tests.Web.Components.Shared;

public sealed class NaturalOrderTests
{
    [Fact]
    public void Sort_NumbersInNames_ByValue_TheRestAsText()
    {
        string[] names = ["Temp Person 10", "Bulk 5", "Temp Person 2", "bulk 0", "Temp Person 1", "Temp Person 11", "Bulk 15", "Bulk 14", "Temp Person"];

        var sorted = names.Order(NaturalOrder.Instance).ToList();

        Assert.Equal(["bulk 0", "Bulk 5", "Bulk 14", "Bulk 15", "Temp Person", "Temp Person 1", "Temp Person 2", "Temp Person 10", "Temp Person 11"], sorted);
    }

    [Theory]
    [InlineData("a99999999999999999999999", "a100000000000000000000000", -1)] // longer than any integer type
    [InlineData("a007", "a7", 0)]
    [InlineData("a2b", "a2a", 1)]
    [InlineData(null, "a", -1)]
    [InlineData("a", "a", 0)]
    public void Compare_Pairs(string? x, string? y, int expected)
    {
        using var language = Localizers.UiCulture("en");

        Assert.Equal(expected, Math.Sign(NaturalOrder.Instance.Compare(x, y)));
        Assert.Equal(-expected, Math.Sign(NaturalOrder.Instance.Compare(y, x)));
    }
}
