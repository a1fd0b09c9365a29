using System.Text.RegularExpressions;
using System.Xml.Linq;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Localization;

/// <summary>
/// Every reason the rule engine can give has its words in the portal's three languages, and the English words, filled
/// with a reason's values, are exactly Core's own English <see cref="OutcomeReason.Text"/>: the audit trail, the logs
/// and an English reader see one sentence.
/// </summary>
public sealed partial class ReasonWordsTests
{
    private static readonly DateOnly _day = new(2026, 1, 2);

    public static TheoryData<string> Codes() => [.. Enum.GetNames<ReasonCode>()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryReasonCode_HasItsKey_InEachLanguage(string code)
    {
        foreach (var file in new[] { "Portal.resx", "Portal.pt-BR.resx", "Portal.id.resx" })
        {
            var keys = Keys(file);
            Assert.True(keys.Contains($"Reason.{code}") || (keys.Contains($"Reason.{code}.One") && keys.Contains($"Reason.{code}.Other")),
                $"{file} has no key Reason.{code}: add its words and an arm in ReasonWords.Reason");
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EnglishWords_FilledWithTheReasonsValues_AreItsText(string code)
    {
        using var language = Localizers.UiCulture("en");
        var localizer = Localizers.Portal();

        Assert.All(Samples(Enum.Parse<ReasonCode>(code)), reason => Assert.Equal(reason.Text, localizer.Reason(reason)));
    }

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("id")]
    public void EveryReason_IsSaidInTheLanguage_NotInEnglish(string culture)
    {
        using var language = Localizers.UiCulture(culture);
        var localizer = Localizers.Portal();
        var english = Enum.GetValues<ReasonCode>().Where(code => code != ReasonCode.AsRecorded) // stored English text, shown as it was
            .SelectMany(Samples).Where(reason => localizer.Reason(reason) == reason.Text).Select(reason => reason.Text).ToList();

        Assert.True(english.Count == 0, $"still English in {culture}:\n" + string.Join("\n", english));
    }

    [Theory]
    [InlineData("en", "The IdP asked: Group 'staff' → User. In no tier group: given the highest tier with a free seat (Premium).")]
    [InlineData("pt-BR", "O IdP pediu: Grupo 'staff' → User. Em nenhum grupo de nível: recebe o nível mais alto com assento livre (Premium).")]
    [InlineData("id", "IdP meminta: Grup 'staff' → User. Tidak berada di grup tingkat mana pun: mendapat tingkat tertinggi yang memiliki kursi kosong (Premium).")]
    public void AHeldChange_SaysWhatTheIdpAsked_InTheLanguage_WithNamesAsTheyAre(string culture, string expected)
    {
        using var language = Localizers.UiCulture(culture);
        IReadOnlyList<OutcomeReason> asked = [OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User"), OutcomeReason.Of(ReasonCode.HighestFreeTier, SeatTier.Premium)];

        Assert.Equal(expected, Localizers.Portal().Reason(OutcomeReason.Of(ReasonCode.IdpAsked, asked)));
    }

    [Theory]
    [InlineData("en", 1, "Deactivated in the IdP on 2026-01-02 and not reactivated within the 1-day grace period: removed.")]
    [InlineData("pt-BR", 1, "Desativado no IdP em 2026-01-02 e não reativado dentro do período de carência de 1 dia: removido.")]
    [InlineData("pt-BR", 30, "Desativado no IdP em 2026-01-02 e não reativado dentro do período de carência de 30 dias: removido.")]
    [InlineData("id", 30, "Dinonaktifkan di IdP pada 2026-01-02 dan tidak diaktifkan kembali dalam masa tenggang 30 hari: dihapus.")]
    public void TheGracePeriod_IsCountedInTheLanguage(string culture, int days, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Equal(expected, Localizers.Portal().Reason(OutcomeReason.Of(ReasonCode.DeactivatedRemoved, days, _day)));
    }

    /// <summary>Instances of a reason, with values of the types the engine gives it; each optional value left out once.</summary>
    private static IEnumerable<OutcomeReason> Samples(ReasonCode code) => code switch
    {
        ReasonCode.DeactivatedRemoved => [OutcomeReason.Of(code, 1, _day), OutcomeReason.Of(code, 30, _day)],
        ReasonCode.DeactivatedRemovedOn => [OutcomeReason.Of(code, _day)],
        ReasonCode.IdpAsked => [OutcomeReason.Of(code, (IReadOnlyList<OutcomeReason>)[OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User"),
            OutcomeReason.Of(ReasonCode.JitUpdatedAtNextSignIn)])],
        ReasonCode.NoTierGroupKeepsSeat or ReasonCode.HighestFreeTier or ReasonCode.NoFreeTierSeatPending => [OutcomeReason.Of(code, SeatTier.Standard)],
        ReasonCode.NoFreeTierKeepsSeat => [OutcomeReason.Of(code, SeatTier.Premium, SeatTier.Standard)],
        ReasonCode.RoleKeptByHand => [OutcomeReason.Of(code, "Admin", "Owner", null, null)],
        ReasonCode.RoleKeptByHandSetBy => [OutcomeReason.Of(code, "Admin", "Owner", "Bob Brown", null)],
        ReasonCode.RoleKeptByHandSetOn => [OutcomeReason.Of(code, "Admin", "Owner", null, _day)],
        ReasonCode.RoleKeptByHandSetByOn => [OutcomeReason.Of(code, "Admin", "Owner", "Bob Brown", _day)],
        _ => [OutcomeReason.Of(code, [.. new object?[] { "Acme", "Admin" }.Take(Placeholder().Matches(OutcomeReason.English(code)).Select(m => m.Value).Distinct().Count())])],
    };

    private static HashSet<string> Keys(string file) => XDocument.Load(Path.Combine(RepositoryRoot.Path, "IdentityAccess.Web", "Localization", file))
        .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
