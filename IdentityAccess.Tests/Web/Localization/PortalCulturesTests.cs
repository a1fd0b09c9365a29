using System.Globalization;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Localization;

public sealed class PortalCulturesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("pt", "pt-BR")]
    [InlineData("pt-PT", "pt-BR")]
    [InlineData("PT_br", "pt-BR")]
    [InlineData("id-ID", "id")]
    [InlineData("in", "id")] // Indonesian's old code, still sent by some systems
    [InlineData("fr", null)]
    [InlineData("", null)]
    [InlineData("*", null)]
    public void Match_ByLanguage(string tag, string? expected) => Assert.Equal(expected, PortalCultures.Match(tag));

    [Theory]
    [InlineData("en", 0, "Other")]
    [InlineData("en", 1, "One")]
    [InlineData("en", 2, "Other")]
    [InlineData("pt-BR", 0, "One")] // CLDR: Portuguese counts 0 and 1 as one
    [InlineData("pt-BR", 1, "One")]
    [InlineData("pt-BR", 2, "Other")]
    [InlineData("id", 1, "Other")] // Indonesian does not inflect
    public void PluralCategory_FollowsEachLanguagesRule(string culture, int count, string category) =>
        Assert.Equal(category, PortalStrings.PluralCategory(CultureInfo.GetCultureInfo(culture), count));

    [Theory]
    [InlineData("en", 1, "1 person in the directory")]
    [InlineData("en", 1004, "1,004 people in the directory")]
    [InlineData("pt-BR", 0, "0 pessoa no diretório")]
    [InlineData("pt-BR", 1004, "1.004 pessoas no diretório")]
    [InlineData("id", 1004, "1.004 orang di direktori")]
    public void Count_InWordsAndDigitsOfTheLanguage(string culture, int count, string expected)
    {
        var localizer = Localizers.Portal();
        using (Localizers.UiCulture(culture))
        {
            Assert.Equal(expected, localizer.Count("Identity.InDirectory", count));
        }
    }
}
