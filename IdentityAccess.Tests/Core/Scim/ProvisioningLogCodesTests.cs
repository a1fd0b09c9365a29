using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>The provisioning log's stored phrases: what a row keeps, and how a row it cannot read any more falls back to its English.</summary>
public sealed class ProvisioningLogCodesTests
{
    [Fact]
    public void Both_Phrases_EnglishAndCodesThatReadBack()
    {
        LogPhrase[] phrases = [LogPhrase.Of(LogPhraseCode.UserCreated, "zed@acme.test"), LogPhrase.Of(LogPhraseCode.MembershipChanges, "1")];

        var (summary, codes) = ProvisioningLogCodes.Both(phrases);

        Assert.Equal("Created user zed@acme.test; 1 membership change", summary);
        Assert.Equal("""{"summary":[{"code":"UserCreated","values":["zed@acme.test"]},{"code":"MembershipChanges","values":["1"]}]}""", codes);
        Assert.Equal(phrases, ProvisioningLogCodes.ReadSummary(codes));
    }

    [Fact]
    public void Both_Nothing_NeitherForm() => Assert.Equal((null, null), ProvisioningLogCodes.Both([]));

    [Fact]
    public void Both_AnErrorAlone_CodesWithoutASummary_TheEnglishLeftToTheRowsDetail()
    {
        var why = LogPhrase.Of(LogPhraseCode.SignInWaitingForSeat, "carol@acme.test", "Acme");

        var (summary, codes) = ProvisioningLogCodes.Both(null, why);

        Assert.Null(summary);
        Assert.Equal("""{"error":{"code":"SignInWaitingForSeat","values":["carol@acme.test","Acme"]}}""", codes);
        Assert.Equal(why, ProvisioningLogCodes.ReadError(codes));
        Assert.Null(ProvisioningLogCodes.ReadSummary(codes));
    }

    [Fact]
    public void Both_ChangesAndAnError_EachReadsBack()
    {
        LogPhrase[] changes = [LogPhrase.Of(LogPhraseCode.SignInChanged, "frank@acme.test") with { Then = [LogPhrase.Of(LogPhraseCode.PersonCreated)] }];
        var why = LogPhrase.Of(LogPhraseCode.SignInNotInMappedGroup, "frank@acme.test", "Acme");

        var (summary, codes) = ProvisioningLogCodes.Both(changes, why);

        Assert.Equal("frank@acme.test: created the person", summary);
        Assert.Equal(changes, ProvisioningLogCodes.ReadSummary(codes));
        Assert.Equal(why, ProvisioningLogCodes.ReadError(codes));
    }

    [Theory]
    [InlineData("""{"summary":[{"code":"UserCreated","values":["zed@acme.test"]}]}""")] // a row of before the errors had codes
    [InlineData("""{"error":{"code":"SomethingRenamedSince","values":[]}}""")]
    [InlineData("""{"error":{"code":"ClientClosedConnection"}}""")]
    [InlineData("not json")]
    [InlineData(null)]
    public void ReadError_NoneOrUnreadable_Null_SoTheRowsEnglishDetailShows(string? codes) => Assert.Null(ProvisioningLogCodes.ReadError(codes));

    [Theory]
    [InlineData("""{"summary":[{"code":"SomethingRenamedSince","values":[]}]}""")]
    [InlineData("""{"summary":[{"code":"UserCreated"}]}""")]
    [InlineData("""{"summary":[{"code":3,"values":[]}]}""")]
    [InlineData("""{"summary":[]}""")]
    [InlineData("not json")]
    [InlineData(null)]
    public void ReadSummary_CodesItCannotRead_Null_SoTheRowsEnglishShows(string? codes) => Assert.Null(ProvisioningLogCodes.ReadSummary(codes));

    [Fact]
    public void ReadSummary_FewerValuesThanThePhraseSays_ReadsEmpty_NeverThrows()
    {
        var read = ProvisioningLogCodes.ReadSummary("""{"summary":[{"code":"GroupRenamed","values":["Eng"]}]}""")!;

        Assert.Equal("renamed 'Eng' to ''", ProvisioningLogEnglish.Say(read[0]));
    }

    [Fact]
    public void Both_CodesTooLongForTheirColumn_OnlyTheEnglish_CutToItsColumn()
    {
        var phrases = Enumerable.Range(0, 40).Select(i => LogPhrase.Of(LogPhraseCode.UserCreated, new string('x', 200) + i)).ToList();

        var (summary, codes) = ProvisioningLogCodes.Both(phrases);

        Assert.Null(codes);
        Assert.Equal(ProvisioningLogEntry.MaxSummaryLength, summary!.Length);
    }

    [Fact]
    public void English_EveryCode_SaysSomething_WithoutItsName()
    {
        foreach (var code in Enum.GetValues<LogPhraseCode>())
        {
            var text = ProvisioningLogEnglish.Say(LogPhrase.Of(code, "Acme", "2", "Standard", "PendingSeat"));
            Assert.False(string.IsNullOrWhiteSpace(text), code.ToString());
        }
    }

    [Fact]
    public void MapValues_RedactsEveryValue_DetailsAndWhatFollows()
    {
        var phrase = LogPhrase.Of(LogPhraseCode.SignInChanged, "a@acme.test") with
        {
            Then = [LogPhrase.Of(LogPhraseCode.ProfileChanged) with { Details = [LogPhrase.Of(LogPhraseCode.RenamedFrom, "secret")] }],
        };

        var mapped = phrase.MapValues(v => v.ToUpperInvariant());

        Assert.Equal("A@ACME.TEST: profile updated (renamed from SECRET)", ProvisioningLogEnglish.Say(mapped));
    }
}
