using IdentityAccess.Core.People;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Jit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// Refusals decided in the ACS's transaction: the Response or its subject refused, SSO turned off meanwhile, or nobody
/// to sign in. Each commits the consumed state (and the replay entry) with its audit entry and provisioning-log row.
/// </summary>
public sealed partial class SamlSignInService
{
    // Nobody here: an address of a domain the parent did not verify is never linked nor given a person, so say so
    // (the parent's name on the page); otherwise, no organization of the parent creates accounts at sign-in.
    private async Task<SamlSignInResult> RefuseNewcomerAsync(AcsTransaction acs, SignInAttempt attempt, string idp, SamlIdentity identity,
        ParentDomains domains, IReadOnlyList<ParentOrganizationMode> organizations, CancellationToken cancellationToken)
    {
        var who = $"subject {LogSafe.Quote(identity.Subject)} ({LogSafe.Quote(identity.Email)})";
        if (identity.Email is { Length: > 0 } email && !domains.Owns(email))
        {
            var parent = await acs.Db.ParentOrganizations.AsNoTracking().Where(p => p.Id == attempt.ParentId).Select(p => p.Name).SingleAsync(cancellationToken);
            var detail = $"{who}: the email's domain {LogSafe.Quote(EmailAddress.DomainOf(email))} is not one of {parent}'s verified domains ({domains.Describe()})";
            var failed = await FailAsync(acs, attempt, idp, SamlSignInFailure.EmailDomainNotVerified, detail,
                LogPhrase.Of(LogPhraseCode.SignInDomainNotVerified, EmailAddress.DomainOf(email), parent), cancellationToken);
            return failed with { OrganizationName = parent };
        }

        // An organization left in JIT mode by a plan without JIT provisions nobody: say so, it is what the owner can fix.
        var planned = organizations.Where(o => o.Mode == Provisioning.ProvisioningMode.Jit && !o.ProvisionsJustInTime).Select(o => o.Name).ToList();
        var noAccount = $"no account for {who}" + (planned.Count == 0 ? ""
            : $"; {string.Join(", ", planned)} {(planned.Count == 1 ? "is" : "are")} set to provision just in time, but the plan does not allow it");
        var why = LogPhrase.Of(LogPhraseCode.SignInNoAccount, identity.Email is { Length: > 0 } address ? address : identity.Subject) with
        {
            Details = planned.Count == 0 ? null : [LogPhrase.Of(LogPhraseCode.SignInJitNotInPlan, string.Join(", ", planned))],
        };
        return await FailAsync(acs, attempt, idp, SamlSignInFailure.NoAccountYet, noAccount, why, cancellationToken);
    }

    /// <summary>A refusal: its audit entry commits with the consumed state (and the replay entry, when validation got that far).</summary>
    private async Task<SamlSignInResult> FailAsync(AcsTransaction acs, SignInAttempt attempt, string idp, SamlSignInFailure failure, string detail,
        LogPhrase why, CancellationToken cancellationToken)
    {
        logger.LogWarning("SAML sign-in refused for parent {ParentId}, IdP {IdP}: {Failure}: {Detail}", attempt.ParentId, idp, failure, detail);
        var db = acs.Db;
        audit.Record(db, _signIn, "sso.sign-in-refused", idp.Length > 320 ? idp[..320] : idp, null, new { Failure = failure.ToString(), Detail = detail },
            parentOrganizationId: attempt.ParentId);
        provisioningLog.Refused(db, attempt, failure, detail, why); // its row commits with the consumed state and the audit entry
        await db.SaveChangesAsync(cancellationToken);
        await acs.CommitAsync(cancellationToken);
        return SamlSignInResult.Failed(failure, detail);
    }
}
