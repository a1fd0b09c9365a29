using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>
/// The SSO side of the parent's provisioning log: one row per SAML sign-in that reached a parent (its login state was
/// found), next to the SCIM requests, so an owner finds in one place who came in and why someone has no access:
/// accepted (an existing member, with their role and tier), provisioned or changed (created, linked, JIT-provisioned
/// with role and tier, role/tier/status from → to), refused with its reason (the Response failed validation, no usable
/// subject, a domain the parent did not verify, no account, no mapped group, no seat, an ended membership, SSO turned
/// off), or failed with a server error. Details never carry the assertion, a signature value or anything shaped like
/// a token (<see cref="ProvisioningLogRedaction.SignInDetail"/>). A decided sign-in (accepted, provisioned, refused)
/// adds its row to the ACS's own transaction, so it commits with the membership, audit entries and session it describes
/// (one commit, not a second write turn and sync per sign-in); its duration ends when the row is made, just before
/// the last save and the commit. A sign-in that failed on the server has had its writes rolled back, so its row is
/// queued (<see cref="ProvisioningLogWriter.Enqueue"/>), as a SCIM request's is. A post without a login state names
/// no parent, so it has no directory log to go to (the application log has it).
/// </summary>
public sealed class SignInProvisioningLog(ProvisioningLogWriter writer, TimeProvider time)
{
    public const string Method = "SAML";
    public const string Path = "/saml/acs";
    public const string ServerError = "ServerError";

    /// <summary>An existing member came in and nothing changed: e.g. "alice@acme.test signed in: Owner in Acme".</summary>
    public void Accepted(IdentityAccessDbContext db, SignInAttempt attempt, LogPhrase summary) => writer.AddTo(db, Entry(attempt, 200, summary, null, null, null));

    /// <summary>A sign-in that changed something: e.g. "frank@acme.test: created the person; provisioned in Acme as Member".</summary>
    public void Provisioned(IdentityAccessDbContext db, SignInAttempt attempt, LogPhrase summary) => writer.AddTo(db, Entry(attempt, 200, summary, null, null, null));

    /// <summary>
    /// A refused sign-in, logged with its <see cref="SamlSignInFailure"/> code and why: in English (<paramref name="detail"/>,
    /// the export's) and as a phrase (<paramref name="why"/>) the portal says in the reader's language.
    /// </summary>
    public void Refused(IdentityAccessDbContext db, SignInAttempt attempt, SamlSignInFailure failure, string detail, LogPhrase why, LogPhrase? summary = null) =>
        writer.AddTo(db, Entry(attempt, failure switch
        {
            SamlSignInFailure.NoLoginState or SamlSignInFailure.SsoNotAvailable or SamlSignInFailure.ResponseRejected
                or SamlSignInFailure.SubjectUnusable => 400,
            SamlSignInFailure.NoAccountYet or SamlSignInFailure.EmailDomainNotVerified or SamlSignInFailure.NotInMappedGroup
                or SamlSignInFailure.NoSeatAvailable or SamlSignInFailure.MembershipEnded => 403,
        }, summary, failure.ToString(), detail, why));

    /// <summary>
    /// The sign-in broke on our side, after its transaction was rolled back (or kept only its consumed state), so the
    /// row is queued. The exception's message stays in the application log, which may quote data.
    /// </summary>
    public void Failed(SignInAttempt attempt, Exception exception) =>
        writer.Enqueue(Entry(attempt, 500, null, ServerError, $"the sign-in failed on the server ({exception.GetType().Name})",
            LogPhrase.Of(LogPhraseCode.SignInServerError, exception.GetType().Name)));

    private ProvisioningLogEntry Entry(SignInAttempt attempt, int status, LogPhrase? summary, string? errorType, string? errorDetail, LogPhrase? error)
    {
        // Names, emails and organizations say who; anything of the Response that slipped into one is taken out.
        static LogPhrase Redacted(LogPhrase phrase) => phrase.MapValues(v => ProvisioningLogRedaction.SignInDetail(v)!);
        var (english, codes) = ProvisioningLogCodes.Both(summary is null ? null : [Redacted(summary)], error is null ? null : Redacted(error));
        return new ProvisioningLogEntry
        {
            ParentOrganizationId = attempt.ParentId,
            Channel = ProvisioningLogChannel.Sso,
            OccurredAt = attempt.StartedAt,
            Method = Method,
            Path = Path,
            Status = status,
            Summary = english,
            TextCodes = codes,
            ErrorType = errorType,
            ErrorDetail = ProvisioningLogRedaction.Detail(ProvisioningLogRedaction.SignInDetail(errorDetail)),
            CorrelationId = ProvisioningLogRedaction.Truncate(attempt.CorrelationId, 64)!,
            DurationMs = (int)Math.Min(int.MaxValue, time.GetElapsedTime(attempt.StartedTimestamp).TotalMilliseconds),
        };
    }
}
