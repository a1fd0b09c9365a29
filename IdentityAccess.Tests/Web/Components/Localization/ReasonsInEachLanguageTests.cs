using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.TestSignIn;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// The rule engine's reasons where people read them: "Why this role?" (and the what-if, which shows the same
/// explanation), "Known to your IdP, not members" and a test sign-in's "would do", in each language, with group, role
/// and tier names as they are.
/// </summary>
public sealed class ReasonsInEachLanguageTests : ComponentTest
{
    [Theory]
    [InlineData("en", "Group 'staff' → User.", "JIT: role and tier recomputed at this sign-in.", "In no tier group: given the highest tier with a free seat (Premium).")]
    [InlineData("pt-BR", "Grupo 'staff' → User.", "JIT: função e nível recalculados neste login.", "Em nenhum grupo de nível: recebe o nível mais alto com assento livre (Premium).")]
    [InlineData("id", "Grup 'staff' → User.", "JIT: peran dan tingkat dihitung ulang pada proses masuk ini.",
        "Tidak berada di grup tingkat mana pun: mendapat tingkat tertinggi yang memiliki kursi kosong (Premium).")]
    public void WhyThisRole_SaysEachReasonOfTheEngine_InTheLanguage(string culture, string group, string jit, string tier)
    {
        using var language = Localizers.UiCulture(culture);
        var outcome = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true).MapRole("staff", Role.User)
            .SigningIn("dave@acme.test", "staff").Evaluate().Of("dave@acme.test");
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Jit, AdvancedGroupMappings = true };

        var why = Render<WhyThisRole>(p => p.Add(c => c.OrganizationId, Guid.Empty).Add(c => c.Explanation, new RoleExplanation(outcome, draft)));

        Assert.Equal([group, jit, tier], why.FindAll("[data-testid=outcome-explanation] li").Select(li => li.TextContent.Trim()));
    }

    [Theory]
    [InlineData("en", "Role kept by hand: Admin, set by Bob Brown on 2026-01-02; kept until the IdP grants the same role or an Owner clears it.")]
    [InlineData("pt-BR", "Função mantida manualmente: Admin, definida por Bob Brown em 2026-01-02; mantida até que o IdP conceda a mesma função ou um Owner remova a substituição.")]
    [InlineData("id", "Peran ditetapkan manual: Admin, ditetapkan oleh Bob Brown pada 2026-01-02; dipertahankan sampai IdP memberikan peran yang sama atau seorang Owner menghapusnya.")]
    public void WhyThisRole_ARoleKeptByHand_SaysWhoKeptIt_InTheLanguage(string culture, string kept)
    {
        using var language = Localizers.UiCulture(culture);
        var outcome = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true).MapRole("staff", Role.User)
            .Member("carol@acme.test", Role.Admin, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "staff")
            .Override("carol@acme.test", Role.Admin)
            .Evaluate().Of("carol@acme.test");

        var explanation = Render<OutcomeExplanation>(p => p.Add(c => c.Outcome, outcome));

        Assert.Equal(kept, explanation.FindAll("li")[0].TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Manual provisioning: people are added by hand.")]
    [InlineData("pt-BR", "Provisionamento manual: as pessoas são adicionadas manualmente.")]
    [InlineData("id", "Penyediaan manual: orang ditambahkan secara manual.")]
    public void NotMembers_SaysWhyEachPersonIsNotAMember_InTheLanguage(string culture, string reason)
    {
        using var language = Localizers.UiCulture(culture);
        var outcomes = ProvisioningScenario.Chat().DirectoryUser("erin@acme.test").Evaluate().Outcomes;

        var panel = Render<NotMembersPanel>(p => p.Add(c => c.OrganizationId, Guid.NewGuid()).Add(c => c.List, new AssignedButNotMembers([.. outcomes], 1)));

        Assert.Equal(reason, panel.Find("[data-person='erin@acme.test'] td:last-child").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Group 'staff' → User.", "Manual: sign-in lets existing members in and changes nothing here.")]
    [InlineData("pt-BR", "Grupo 'staff' → User.", "Manual: o login deixa entrar os membros existentes e não altera nada aqui.")]
    [InlineData("id", "Grup 'staff' → User.", "Manual: proses masuk hanya mengizinkan anggota yang sudah ada dan tidak mengubah apa pun di sini.")]
    public void TestSignIn_WouldDo_SaysTheReasons_InTheLanguage_AfterTheResultWasStored(string culture, string group, string manual)
    {
        using var language = Localizers.UiCulture(culture);
        var would = new SamlTestWouldDo("Carol Chen", WouldSignIn: true, "Would sign in.",
        [
            new SamlTestOrganization("Acme Chat", ProvisioningMode.Jit, true, Role.User, SeatTier.Premium, MembershipStatus.Active,
                [OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User")]),
            new SamlTestOrganization("Acme Labs", ProvisioningMode.Manual, false, null, null, null, [OutcomeReason.Of(ReasonCode.TestSignInExistingOnly, "Manual")]),
        ]);
        var stored = SamlTestResult.FromJson(new SamlTestResult(false, "urn:idp", [], null, "carol", null, [], null, would).ToJson()).WouldDo!;

        var view = Render<SamlTestWouldDoView>(p => p.Add(c => c.WouldDo, stored));

        Assert.Equal([group, manual], view.FindAll("[data-testid=test-organization] li").Select(li => li.TextContent.Trim()));
    }
}
