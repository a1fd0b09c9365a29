using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Localization;

/// <summary>
/// The portal's words in every language: no key missing or left empty in a language, the same placeholders in each,
/// no key left unused, and the help article's words on the controls it names, in each edition.
/// </summary>
public sealed partial class PortalResourcesTests
{
    private static readonly string _folder = Path.Combine(RepositoryRoot.Path, "IdentityAccess.Web", "Localization");

    public static TheoryData<string> Translations => ["pt-BR", "id"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryKey_IsTranslated_NotEmpty_WithTheSamePlaceholders(string culture)
    {
        var english = Read(null);
        var translated = Read(culture);

        Assert.Empty(english.Keys.Except(translated.Keys)); // missing in the language
        Assert.Empty(translated.Keys.Except(english.Keys)); // left over there
        Assert.All(translated, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{culture}: {entry.Key} is empty"));
        Assert.All(english, entry => Assert.True(Placeholders(entry.Value).SetEquals(Placeholders(translated[entry.Key])),
            $"{culture}: {entry.Key} has placeholders {string.Join(",", Placeholders(translated[entry.Key]))}, English has {string.Join(",", Placeholders(entry.Value))}"));
    }

    [Fact]
    public void EveryKey_IsUsedByThePortal()
    {
        var source = PortalSource();

        // A plural pair is used through its stem (L.Count("Identity.InDirectory", n)); MudBlazor's keys by MudBlazor; the
        // sign-in messages and SAML refusal pages by their code (checked both ways below).
        var unused = Read(null).Keys
            .Where(key => !key.StartsWith(PortalMudLocalizer.Prefix, StringComparison.Ordinal) && !IsBuiltFromACode(key))
            .Select(key => PluralSuffix().Replace(key, ""))
            .Distinct()
            .Where(key => !source.Contains($"\"{key}\"", StringComparison.Ordinal));
        Assert.Empty(unused);
    }

    [Fact]
    public void EveryKeyThePortalAsksFor_Exists()
    {
        // A key mistyped in the code would show on screen as the key itself; the literal keys at every call shape used.
        var source = PortalSource();
        var keys = Read(null).Keys.ToHashSet();
        var asked = LiteralKey().Matches(source).Select(m => m.Groups["key"].Value).ToHashSet();
        var counted = CountedKey().Matches(source).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.True(asked.Count > 100, $"only {asked.Count} literal keys found: has the call shape changed?");
        var missing = asked.Where(key => !keys.Contains(key))
            .Concat(counted.Where(stem => !keys.Contains(stem + ".One") || !keys.Contains(stem + ".Other"))).ToList();
        Assert.True(missing.Count == 0, "asked for but not in Portal.resx: " + string.Join(", ", missing));
    }

    private static string PortalSource() =>
        string.Join("\n", Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "IdentityAccess.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    /// <summary>L["Key", …], localizer["Key"], words["Key"], and the switch arms of ModeLabels (=> "Mode.Manual") and ArticlePaths.</summary>
    [GeneratedRegex(@"(?:\bL|localizer|words|Words\(http\))\[\s*""(?<key>[^""{]+)""|=> ""(?<key>(?:Mode|Change|Nav)\.[^""]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\.Count\(\s*""([^""]+)""")]
    private static partial Regex CountedKey();

    [Fact]
    public void KeysBuiltFromACode_EveryCodeHasItsWords_AndEveryWordsItsCode()
    {
        var keys = Read(null).Keys.ToHashSet();
        var expected = SignInMessages.Codes.Select(code => SignInMessages.KeyPrefix + code).Append(SignInMessages.Generic.Key)
            .Concat(Enum.GetNames<SamlSignInFailure>().SelectMany(f => new[] { $"Problem.{f}.Title", $"Problem.{f}.Message" }))
            .Concat(Enum.GetNames<ChangeKind>().Select(kind => $"Change.{kind}"))
            .Concat(Enum.GetValues<ValidationRule>().Select(RefusalWords.KeyOf))
            .Concat(Enum.GetValues<ReasonCode>().SelectMany(code => code == ReasonCode.DeactivatedRemoved
                ? [ReasonWords.KeyOf(code) + ".One", ReasonWords.KeyOf(code) + ".Other"] : new[] { ReasonWords.KeyOf(code) }))
            .ToHashSet();

        Assert.Empty(expected.Except(keys));
        Assert.Empty(keys.Where(IsBuiltFromACode).Except(expected));
    }

    private static bool IsBuiltFromACode(string key) =>
        key.StartsWith(SignInMessages.KeyPrefix, StringComparison.Ordinal) || FailureKey().IsMatch(key)
        || (key.StartsWith("Change.", StringComparison.Ordinal) && key != "Change.NotAMember")
        || key.StartsWith("Refusal.ValidationFailed.", StringComparison.Ordinal) || key.StartsWith("Reason.", StringComparison.Ordinal);

    [Fact]
    public void MudBlazorKeys_AreMudBlazorsOwn()
    {
        var mudBlazor = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudBlazor.MudButton).Assembly);
        var keys = Read(null).Keys.Where(key => key.StartsWith(PortalMudLocalizer.Prefix, StringComparison.Ordinal))
            .Select(key => key[PortalMudLocalizer.Prefix.Length..]).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.NotNull(mudBlazor.GetString(key, CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The controls the article tells an owner to find, in the words of each edition (Portuguese translates them; the
    /// Indonesian edition quotes them in English, with its own spelling: "Setup SCIM", "Global SSO Configuration").
    /// </summary>
    [Theory]
    [InlineData("Identity.GlobalSso", "Global SSO configuration", "Configuração Global de SSO", "Global SSO Configuration")]
    [InlineData("Identity.DirectorySync", "Directory sync (SCIM)", "Sincronização de diretório (SCIM)", "Directory sync (SCIM)")]
    [InlineData("Identity.SetUpScim", "Set up SCIM", "Configurar SCIM", "Setup SCIM")]
    [InlineData("Identity.ManageScim", "Manage SCIM", "Gerenciar SCIM", "Manage SCIM")]
    [InlineData("Identity.SyncNow", "Sync now", "Sincronizar agora", "Sync now")]
    [InlineData("Identity.OrganizationSso", "Organization SSO configuration", "Configuração de SSO da Organização", "Organization SSO Configuration")]
    [InlineData("Identity.ProvisioningMode", "Provisioning mode", "Modo de provisionamento", "Provisioning mode")]
    [InlineData("Mode.Manual", "Manual", "Manual", "Manual")]
    [InlineData("Mode.Jit", "Just in time (JIT)", "Just in time (JIT)", "Just in time (JIT)")]
    [InlineData("Mode.Scim", "Directory sync (SCIM)", "Directory sync (SCIM)", "Directory sync (SCIM)")]
    [InlineData("Identity.AdvancedGroupMappings", "Advanced group mappings", "Mapeamentos de grupo avançados", "Advanced group mappings")]
    [InlineData("Identity.RoleMappings", "Role mappings", "Mapeamentos de função", "Role mappings")]
    [InlineData("Identity.SeatTierMappings", "Seat tier mappings", "Mapeamentos de nível de assento", "Seat tier mappings")]
    [InlineData("Common.Add", "Add", "Adicionar", "Add")]
    [InlineData("Identity.SaveChanges", "Save changes", "Salvar alterações", "Save changes")]
    [InlineData("Nav.IdentityAndAccess", "Identity and access", "Identidade e acesso", "Identitas dan akses")]
    public void ArticleControls_HaveEachEditionsWords(string key, string english, string portuguese, string indonesian)
    {
        Assert.Equal(english, Read(null)[key]);
        Assert.Equal(portuguese, Read("pt-BR")[key]);
        Assert.Equal(indonesian, Read("id")[key]);
    }

    [Fact]
    public void TotalSeats_ReadsAsTheArticleWritesIt()
    {
        Assert.StartsWith("Total seats ", Read(null)["Seats.Total"], StringComparison.Ordinal);
        Assert.StartsWith("Total de assentos ", Read("pt-BR")["Seats.Total"], StringComparison.Ordinal);
        Assert.StartsWith("Total seats ", Read("id")["Seats.Total"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheResourceFiles_AreTheOnesThePortalLoads()
    {
        // The completeness checks above read the .resx files; this reads the compiled satellites through the localizer.
        var localizer = Localizers.Portal();
        using (Localizers.UiCulture("pt-BR"))
        {
            Assert.Equal("Salvar alterações", localizer["Identity.SaveChanges"]);
        }

        using (Localizers.UiCulture("id"))
        {
            Assert.Equal("Pemetaan grup berlaku dengan JIT atau Directory sync (SCIM).", localizer["Identity.MappingsNeedMode"]);
        }
    }

    private static Dictionary<string, string> Read(string? culture) =>
        XDocument.Load(Path.Combine(_folder, culture is null ? "Portal.resx" : $"Portal.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^Problem\.[A-Za-z]+\.(Title|Message)$")]
    private static partial Regex FailureKey();

    [GeneratedRegex(@"\.(One|Other)$")]
    private static partial Regex PluralSuffix();
}
