using IdentityAccess.Core.Audit;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Localization;

public sealed class ActorWordsTests
{
    public static TheoryData<string> SystemActorNames => [.. SystemActors.All];

    [Theory]
    [MemberData(nameof(SystemActorNames))]
    public void EveryProductPath_HasWords_EnglishAsStored_OthersTranslatedOrQuoted(string name)
    {
        Assert.NotNull(ActorWords.KeyOf(name));
        using (Localizers.UiCulture("en"))
        {
            Assert.Equal(name, Localizers.Portal().Actor(name));
        }

        using (Localizers.UiCulture("pt-BR"))
        {
            Assert.NotEqual(name, Localizers.Portal().Actor(name)); // Portuguese names every path in its own words
        }
    }

    [Fact]
    public void SystemActors_ListsEveryConstant()
    {
        var constants = typeof(SystemActors).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Order(), SystemActors.All.Order());
    }

    [Theory]
    [InlineData("pt-BR", "Directory sync (SCIM)", "Sincronização de diretório (SCIM)")]
    [InlineData("id", "Directory sync (SCIM)", "Directory sync (SCIM)")] // the Indonesian edition quotes the control in English
    [InlineData("id", "Scheduled reconcile", "Rekonsiliasi terjadwal")]
    [InlineData("pt-BR", "Alice Anders", "Alice Anders")] // a person's name is a name
    public void Actor_InTheLanguage(string culture, string stored, string shown)
    {
        using var language = Localizers.UiCulture(culture);
        Assert.Equal(shown, Localizers.Portal().Actor(stored));
    }
}
