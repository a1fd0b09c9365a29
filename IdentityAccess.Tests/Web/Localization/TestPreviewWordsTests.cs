using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.TestSignIn;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Localization;

/// <summary>
/// The test sign-in's "would do" sentences: every code has words; in English they are exactly Core's English text
/// (what a stored result and the logs keep), and in Portuguese and Indonesian they are not English. A result stored
/// before the sentences had codes still shows the English it kept.
/// </summary>
public sealed class TestPreviewWordsTests : ComponentTest
{
    public static TheoryData<TestPreviewCode> Codes() => [.. Enum.GetValues<TestPreviewCode>()];

    private static IEnumerable<TestPreviewLine> Samples(TestPreviewCode code) => code switch
    {
        TestPreviewCode.NobodyDomainNotVerified => [TestPreviewLine.Of(code, "carol@other.test", "acme.test, acme.example")],
        TestPreviewCode.NobodyNoDomainVerified or TestPreviewCode.NobodyNoAccount => [TestPreviewLine.Of(code, "carol@acme.test")],
        TestPreviewCode.RefusedWaitingForSeat => [TestPreviewLine.Of(code, "Acme Chat")],
        TestPreviewCode.RefusedNotInMappedGroup =>
        [
            new TestPreviewLine(code, ["Acme Chat"], OutcomeReason.Of(ReasonCode.ManualNotMember)),
            new TestPreviewLine(code, ["Acme Chat"]),
        ],
        TestPreviewCode.RefusedMembershipEnded => [TestPreviewLine.Of(code, "Acme Chat", nameof(MembershipStatus.Suspended))],
        TestPreviewCode.AlreadyLinked or TestPreviewCode.LinkedByEmail or TestPreviewCode.WouldCreate or TestPreviewCode.SignedInAs =>
            [TestPreviewLine.Of(code, "Carol Chen", "carol@acme.test")],
        TestPreviewCode.NobodyNoEmail or TestPreviewCode.RefusedNoEmail or TestPreviewCode.RefusedDomainNotVerified or TestPreviewCode.RefusedNoAccount
            or TestPreviewCode.RefusedNotAMember => [TestPreviewLine.Of(code)],
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void EnglishWords_AreCoresEnglishText(TestPreviewCode code)
    {
        using var language = Localizers.UiCulture("en");
        var localizer = Localizers.Portal();

        Assert.All(Samples(code), line => Assert.Equal(line.Text, localizer.TestPreview(line)));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_IsSaidInPortugueseAndIndonesian_NotInEnglish(TestPreviewCode code)
    {
        foreach (var culture in new[] { "pt-BR", "id" })
        {
            using var language = Localizers.UiCulture(culture);
            var localizer = Localizers.Portal();
            Assert.All(Samples(code), line => Assert.NotEqual(line.Text, localizer.TestPreview(line)));
        }
    }

    [Fact]
    public void Refused_OverGroups_SaysTheEnginesReason_InTheLanguage()
    {
        using var language = Localizers.UiCulture("pt-BR");

        var words = Localizers.Portal().TestPreview(new TestPreviewLine(TestPreviewCode.RefusedNotInMappedGroup, ["Acme Chat"], OutcomeReason.Of(ReasonCode.ManualNotMember)));

        Assert.Equal("Seria recusado (NotInMappedGroup): Provisionamento manual: as pessoas são adicionadas manualmente. (Acme Chat).", words);
    }

    [Theory]
    [InlineData("en", "Would be linked by email to Carol Chen (carol@acme.test), whose domain the parent verified.", "Would be signed in as Carol Chen (carol@acme.test).")]
    [InlineData("pt-BR", "Seria vinculado pelo email a Carol Chen (carol@acme.test), cujo domínio a organização pai verificou.", "Entraria como Carol Chen (carol@acme.test).")]
    [InlineData("id", "Akan ditautkan melalui email ke Carol Chen (carol@acme.test), yang domainnya telah diverifikasi organisasi induk.", "Akan masuk sebagai Carol Chen (carol@acme.test).")]
    public void WouldDo_StoredWithItsCodes_IsShownInTheLanguage(string culture, string person, string verdict)
    {
        using var language = Localizers.UiCulture(culture);
        var would = SamlTestWouldDo.From(TestPreviewLine.Of(TestPreviewCode.LinkedByEmail, "Carol Chen", "carol@acme.test"), true,
            TestPreviewLine.Of(TestPreviewCode.SignedInAs, "Carol Chen", "carol@acme.test"),
            [new SamlTestOrganization("Acme Chat", ProvisioningMode.Jit, true, Role.User, SeatTier.Premium, MembershipStatus.Active, [])]);
        var stored = SamlTestResult.FromJson(new SamlTestResult(false, "urn:idp", [], null, "carol", null, [], null, would).ToJson()).WouldDo!;

        var view = Render<SamlTestWouldDoView>(p => p.Add(c => c.WouldDo, stored));

        Assert.Equal(person, view.Find("[data-testid=test-person]").TextContent.Trim());
        Assert.Equal(verdict, view.Find("[data-testid=test-verdict]").TextContent.Trim());
        Assert.Equal("Would be signed in as Carol Chen (carol@acme.test).", stored.Verdict); // the English kept for what stores and logs it
    }

    [Fact]
    public void WouldDo_StoredBeforeItHadCodes_ShowsItsEnglish()
    {
        using var language = Localizers.UiCulture("pt-BR");
        var stored = SamlTestResult.FromJson(new SamlTestResult(false, "urn:idp", [], null, "carol", null, [], null,
            new SamlTestWouldDo("Already linked to Carol Chen (carol@acme.test): recognized by this IdP id.", true, "Would be signed in as Carol Chen (carol@acme.test).", [])).ToJson()).WouldDo!;

        var view = Render<SamlTestWouldDoView>(p => p.Add(c => c.WouldDo, stored));

        Assert.Null(stored.PersonLine);
        Assert.Equal("Would be signed in as Carol Chen (carol@acme.test).", view.Find("[data-testid=test-verdict]").TextContent.Trim());
    }
}
