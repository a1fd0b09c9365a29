using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning.Drafts;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>"Unsaved changes" beside Save changes (issue #20): kept as a draft, saved-since warning, Discard; in English and pt-BR.</summary>
public sealed class UnsavedDraftNoticeTests : ComponentTest
{
    private int _discarded;

    private IRenderedComponent<UnsavedDraftNotice> RenderNotice(bool unsaved = true, bool savedSince = false, Error? refusal = null) =>
        Render<UnsavedDraftNotice>(p => p
            .Add(c => c.Unsaved, unsaved)
            .Add(c => c.SavedSinceStarted, savedSince)
            .Add(c => c.KeepRefusal, refusal)
            .Add(c => c.OnDiscard, () => _discarded++));

    [Theory]
    [InlineData("en", "Unsaved changes.", "Kept as a draft for you only. Nobody is provisioned until you press Save changes.", "Discard")]
    [InlineData("pt-BR", "Alterações não salvas.", "Guardadas como rascunho só para você. Ninguém é provisionado até você clicar em Salvar alterações.", "Descartar")]
    public void Unsaved_SaysTheChangesAreKeptAsADraft_AndOffersDiscard(string culture, string unsaved, string kept, string discard)
    {
        using var language = Localizers.UiCulture(culture);

        var notice = RenderNotice();

        Assert.StartsWith(unsaved, notice.Find("[data-testid=unsaved]").TextContent, StringComparison.Ordinal);
        Assert.Equal(kept, notice.Find("[data-testid=draft-kept]").TextContent);
        Assert.Equal(discard, notice.Find("[data-testid=discard-draft]").TextContent.Trim());
        Assert.Empty(notice.FindAll("[data-testid=draft-saved-since]"));
    }

    [Fact]
    public void Discard_Clicked_RaisesOnDiscard()
    {
        var notice = RenderNotice();

        notice.Find("[data-testid=discard-draft]").Click();

        Assert.Equal(1, _discarded);
    }

    [Theory]
    [InlineData("en", "Someone saved these settings after you started this draft.")]
    [InlineData("pt-BR", "Alguém salvou estas configurações depois que você começou este rascunho.")]
    public void SavedSinceStarted_SaysSoPlainly(string culture, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Contains(expected, RenderNotice(savedSince: true).Find("[data-testid=draft-saved-since]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_NoNoticeAndNoDiscard()
    {
        var notice = RenderNotice(unsaved: false);

        Assert.Empty(notice.FindAll("[data-testid=unsaved]"));
        Assert.Empty(notice.FindAll("[data-testid=discard-draft]"));
    }

    [Theory]
    [InlineData("en", "Your changes could not be kept as a draft: These unsaved settings are too large")]
    [InlineData("pt-BR", "Não foi possível guardar suas alterações como rascunho: Estas configurações não salvas são grandes demais")]
    public void KeepRefused_SaysWhyInTheLanguage(string culture, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Contains(expected, RenderNotice(refusal: new SettingsDraftTooLarge()).Find("[data-testid=draft-not-kept]").TextContent, StringComparison.Ordinal);
    }
}
