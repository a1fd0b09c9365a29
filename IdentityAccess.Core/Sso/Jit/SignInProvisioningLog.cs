using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>
/// The SSO side of the parent's provisioning log: what a SAML sign-in decided about provisioning, next to the SCIM
/// requests, so an owner finds in one place why someone has no access. Refusals of a person the IdP vouched for are
/// logged (no account, a domain the parent did not verify, no mapped group, no seat, an ended membership), and so is a
/// sign-in that created, linked, renamed or provisioned someone; a routine sign-in that changed nothing is not (the
/// audit log has every sign-in). Rows are only queued, like the SCIM endpoint's: the log never holds a sign-in up.
/// </summary>
public sealed class SignInProvisioningLog(ProvisioningLogWriter writer, TimeProvider time)
{
    public const string Method = "SAML";
    public const string Path = "/saml/acs";

    /// <summary>A sign-in that changed something: e.g. "Signed in frank@acme.test: created the person; 1 membership change".</summary>
    public void Provisioned(SignInAttempt attempt, string summary) => Enqueue(attempt, 200, summary, null, null);

    /// <summary>A refused sign-in, logged with its <see cref="SamlSignInFailure"/> code and what the person was told about.</summary>
    public void Refused(SignInAttempt attempt, SamlSignInFailure failure, string detail, string? summary = null) =>
        Enqueue(attempt, failure == SamlSignInFailure.SubjectUnusable ? 400 : 403, summary, failure.ToString(), detail);

    private void Enqueue(SignInAttempt attempt, int status, string? summary, string? errorType, string? errorDetail) =>
        writer.Enqueue(new ProvisioningLogEntry
        {
            ParentOrganizationId = attempt.ParentId,
            Channel = ProvisioningLogChannel.Sso,
            OccurredAt = attempt.StartedAt,
            Method = Method,
            Path = Path,
            Status = status,
            Summary = ProvisioningLogRedaction.Truncate(summary, ProvisioningLogEntry.MaxSummaryLength),
            ErrorType = errorType,
            ErrorDetail = ProvisioningLogRedaction.Detail(errorDetail),
            CorrelationId = ProvisioningLogRedaction.Truncate(attempt.CorrelationId, 64)!,
            DurationMs = (int)Math.Min(int.MaxValue, time.GetElapsedTime(attempt.StartedTimestamp).TotalMilliseconds),
        });
}
