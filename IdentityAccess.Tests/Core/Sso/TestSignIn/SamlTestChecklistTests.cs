using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.TestSignIn;

namespace IdentityAccess.Tests.Core.Sso.TestSignIn;

/// <summary>The validation list in words: passed up to the check that refused the Response, failed there, not run after it.</summary>
public sealed class SamlTestChecklistTests
{
    [Fact]
    public void From_Accepted_EveryCheckPassed()
    {
        var checks = SamlTestChecklist.From(null, null);

        Assert.All(checks, c => Assert.Equal(SamlTestCheckStatus.Passed, c.Status));
        Assert.Equal(SamlTestChecklist.SubjectCheck, checks[^1].Name);
    }

    [Fact]
    public void From_RefusedAtTheSignature_EarlierPassedLaterNotRunWithTheValidatorsReason()
    {
        var rejection = new SamlRejection(SamlFailureReason.InvalidSignature, "the Assertion signature does not verify") { Check = SamlCheck.Signatures };

        var checks = SamlTestChecklist.From(rejection, null);

        var failed = Assert.Single(checks, c => c.Status == SamlTestCheckStatus.Failed);
        Assert.Equal(SamlTestChecklist.NameOf(SamlCheck.Signatures), failed.Name);
        Assert.Equal("the Assertion signature does not verify (InvalidSignature)", failed.Detail);
        var at = checks.ToList().IndexOf(failed);
        Assert.All(checks.Take(at), c => Assert.Equal(SamlTestCheckStatus.Passed, c.Status));
        Assert.All(checks.Skip(at + 1), c => Assert.Equal(SamlTestCheckStatus.NotRun, c.Status));
    }

    [Fact]
    public void From_AcceptedButNoUsableSubject_OnlyTheSubjectCheckFailed()
    {
        var checks = SamlTestChecklist.From(null, new SamlNameIdNotPersistent(SamlNameIdFormats.EmailAddress));

        Assert.Equal(SamlTestChecklist.SubjectCheck, Assert.Single(checks, c => c.Status == SamlTestCheckStatus.Failed).Name);
        Assert.Contains("persistent", checks[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void From_RefusedAtACheckNoTestReaches_SaysSoAndClaimsNothingPassed()
    {
        var rejection = new SamlRejection(SamlFailureReason.UnsolicitedTooOld, "too old") { Check = SamlCheck.Freshness };

        var checks = SamlTestChecklist.From(rejection, null);

        Assert.Equal(SamlTestCheckStatus.Failed, checks[0].Status);
        Assert.DoesNotContain(checks, c => c.Status == SamlTestCheckStatus.Passed);
    }
}
