using IdentityAccess.Core.Sso.TestSignIn;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The outcome of the parent's last completed test sign-in.</summary>
/// <param name="FailedCheck">The first check of the validation list that failed, in words; null when it passed.</param>
/// <param name="TestedDraft">It tested metadata pasted and not saved, rather than the saved connection.</param>
internal sealed record ApiSsoTestResult(Guid Id, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, bool Passed, string? FailedCheck,
    bool TestedDraft, string IdpEntityId)
{
    public static ApiSsoTestResult From(SamlTestSignInView test) => new(test.Id, test.StartedByName, test.StartedAt, test.CompletedAt, test.Passed == true,
        test.FailedCheck, test.IsDraft, test.IdpEntityId);
}
