using System.Text.RegularExpressions;
using System.Xml.Linq;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Mail;

/// <summary>The emails' words: every key in every language, with the same placeholders, none left empty.</summary>
public sealed partial class MailTextTests
{
    private static readonly string _folder = Path.Combine(RepositoryRoot.Path, "IdentityAccess.Core", "Mail");

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("id")]
    public void EveryKey_IsTranslated_WithTheSamePlaceholders(string culture)
    {
        var english = Read("MailText.resx");
        var translated = Read($"MailText.{culture}.resx");

        Assert.Equal(english.Keys.Order(), translated.Keys.Order());
        Assert.All(english, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[entry.Key]), $"{culture}: {entry.Key} is empty");
            Assert.NotEqual(entry.Value, translated[entry.Key]);
            Assert.Equal(Placeholders(entry.Value), Placeholders(translated[entry.Key]));
        });
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(_folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
