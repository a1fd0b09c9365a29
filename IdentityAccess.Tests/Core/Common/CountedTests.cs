using System.Globalization;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Tests.Core.Common;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 people")]
    [InlineData(1, "1 person")]
    [InlineData(2, "2 people")]
    [InlineData(1004, "1,004 people")]
    public void Of_ChoosesTheNounByTheCount(int count, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.Equal(expected, Counted.Of(count, "person", "people"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Of_RegularNoun_TakesAnS() => Assert.Equal(("1 member", "3 members"), (Counted.Of(1, "member"), Counted.Of(3, "member")));
}
