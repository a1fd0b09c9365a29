using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Jit;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.DirectorySync;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// Issue #20: why a sign-in was refused, or a SCIM request ended unanswered, in the owner's language on the provisioning
/// log: the row keeps its English (the export's) beside a code the page words. A rejected SAML response is one sentence
/// for its kind of failure, with the check's English under it as a technical detail; a row written before the codes
/// shows its English as written.
/// </summary>
public sealed class SignInRefusalsInEachLanguageTests : ComponentTest
{
    private const string InvalidSignatureDetail = "SAML response rejected (InvalidSignature): the signature does not verify with any of the IdP's certificates";

    private static ProvisioningLogEntry SignInRow(long id, int status, SamlSignInFailure failure, string englishDetail, LogPhrase why)
    {
        var (summary, codes) = ProvisioningLogCodes.Both(null, why);
        return new()
        {
            Id = id,
            Channel = ProvisioningLogChannel.Sso,
            Status = status,
            Method = SignInProvisioningLog.Method,
            Path = SignInProvisioningLog.Path,
            Summary = summary,
            TextCodes = codes,
            ErrorType = failure.ToString(),
            ErrorDetail = englishDetail,
            CorrelationId = $"c-{id}",
        };
    }

    private static ProvisioningLogEntry RefusedRow(long id, string email, OrganizationAccess access)
    {
        // As the ACS words and codes it: the refusal chosen from where the person stands in each organization.
        var refusal = SignInRefusal.For([access])!;
        return SignInRow(id, 403, refusal.Failure, $"{email}: {refusal.Detail} ({refusal.OrganizationName})", refusal.Why(email));
    }

    private static ProvisioningLogEntry[] Rows() =>
    [
        RefusedRow(6, "carol@acme.test", new OrganizationAccess(Guid.NewGuid(), "Acme", true, MembershipStatus.PendingSeat, null)),
        RefusedRow(5, "frank@acme.test", new OrganizationAccess(Guid.NewGuid(), "Acme", true, null, null)),
        SignInRow(4, 400, SamlSignInFailure.ResponseRejected, InvalidSignatureDetail,
            LogPhrase.Of(LogPhraseCode.SignInResponseRejected, nameof(SamlFailureReason.InvalidSignature))),
        new()
        {
            Id = 3, Status = 499, Method = "GET", Path = "/scim/v2/Users", ErrorDetail = "The client closed the connection before the response.",
            TextCodes = ProvisioningLogCodes.Write([], LogPhrase.Of(LogPhraseCode.ClientClosedConnection)), TokenPrefix = "ia_scim_AbCd", CorrelationId = "c-3",
        },
        new() // written before the codes
        {
            Id = 2, Channel = ProvisioningLogChannel.Sso, Status = 403, Method = "SAML", Path = "/saml/acs", ErrorType = "NoSeatAvailable",
            ErrorDetail = "dave@acme.test: waiting for a free seat (Acme)", CorrelationId = "c-2",
        },
    ];

    [Theory]
    [InlineData("pt-BR",
        "carol@acme.test não conseguiu entrar: todos os assentos de Acme estão ocupados, então a pessoa aguarda na fila de assentos",
        "frank@acme.test não conseguiu entrar: nenhum dos grupos da pessoa está mapeado para uma função em Acme",
        "Login recusado: a assinatura da resposta SAML não é válida para o certificado do IdP",
        "O cliente encerrou a conexão antes da resposta.",
        "Detalhe técnico: ")]
    [InlineData("id",
        "carol@acme.test tidak dapat masuk: semua kursi di Acme sudah terisi, jadi orang ini menunggu di antrean kursinya",
        "frank@acme.test tidak dapat masuk: tidak ada grup orang ini yang dipetakan ke peran di Acme",
        "Proses masuk ditolak: tanda tangan respons SAML tidak valid untuk sertifikat IdP",
        "Klien menutup koneksi sebelum respons dikirim.",
        "Detail teknis: ")]
    [InlineData("en",
        "carol@acme.test could not sign in: every seat in Acme is taken, so they wait in its seat queue",
        "frank@acme.test could not sign in: none of their groups is mapped to a role in Acme",
        "Sign-in refused: the SAML response's signature is not valid for the IdP's certificate",
        "The client closed the connection before the response.",
        "Technical detail: ")]
    public void RefusedSignIns_AndAClientGone_InTheReadersLanguage_TheSamlCheckAsATechnicalDetail(string culture, string noSeat, string noGroup,
        string samlInvalid, string clientClosed, string technical)
    {
        using var language = Localizers.UiCulture(culture);
        var rows = Rows();

        var log = Render<ProvisioningLogTable>(p => p
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new ProvisioningLogPage(rows, rows.Length)))
            .Add(c => c.ExportUrl, (filter, format) => DirectorySyncLabels.ExportUrl(Guid.Empty, filter, format)));

        log.WaitForAssertion(() => Assert.Equal(5, log.FindAll("tbody tr").Count));
        var errors = log.FindAll("[data-testid=log-error]").Select(e => e.TextContent).ToList();
        Assert.Equal([noSeat, noGroup, samlInvalid, clientClosed, "dave@acme.test: waiting for a free seat (Acme)"], errors);
        Assert.Equal(technical + InvalidSignatureDetail, Assert.Single(log.FindAll("[data-testid=log-technical-detail]")).TextContent.Trim());
        if (culture != "en")
        {
            foreach (var english in new[] { "could not sign in", "waiting", "free seat", "mapped to a role", "signature", "rejected", "closed the connection" })
            {
                Assert.All(errors.Take(4), text => Assert.DoesNotContain(english, text, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt-BR")]
    [InlineData("id")]
    public void EverySamlFailureReason_HasASentence_AndAnUnknownOneTheGeneralSentence(string culture)
    {
        using var language = Localizers.UiCulture(culture);
        var localizer = Localizers.Portal();

        foreach (var reason in Enum.GetValues<SamlFailureReason>())
        {
            var text = SamlRejectionWords.Say(localizer, reason.ToString());
            Assert.DoesNotContain("SignInLog.", text, StringComparison.Ordinal);
            Assert.DoesNotContain(reason.ToString(), text, StringComparison.Ordinal);
        }

        Assert.Equal(localizer["SignInLog.Saml.Rejected"].Value, SamlRejectionWords.Say(localizer, "SomeCheckOfALaterVersion"));
        Assert.Equal(localizer["SignInLog.Saml.Rejected"].Value, SamlRejectionWords.Say(localizer, "3"));
        Assert.NotEqual(SamlRejectionWords.Say(localizer, nameof(SamlFailureReason.Expired)), SamlRejectionWords.Say(localizer, nameof(SamlFailureReason.Replayed)));
    }

    [Fact]
    public void EndedMembership_SaysItsStatusInPortuguese_AndANewcomerOfAPlanWithoutJit_WhyNobodyCreatedThem()
    {
        using var language = Localizers.UiCulture("pt-BR");
        var localizer = Localizers.Portal();
        var ended = SignInRefusal.For([new OrganizationAccess(Guid.NewGuid(), "Acme Labs", false, MembershipStatus.Suspended, null)])!;
        var newcomer = LogPhrase.Of(LogPhraseCode.SignInNoAccount, "zoe@acme.test") with
        {
            Details = [LogPhrase.Of(LogPhraseCode.SignInJitNotInPlan, "Acme")],
        };

        Assert.Equal("dave@acme.test não conseguiu entrar: a participação da pessoa em Acme Labs está com status suspenso",
            localizer.SyncLogPhrase(ended.Why("dave@acme.test")));
        Assert.Equal("zoe@acme.test não conseguiu entrar: a pessoa não tem conta aqui, e nenhuma organização cria contas no login "
            + "(Acme está configurada como Just in time (JIT), mas o plano não permite)", localizer.SyncLogPhrase(newcomer));
    }
}
