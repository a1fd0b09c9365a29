using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// The ACS for a login state marked as a test: the same validator, keys and replay cache as a sign-in, in the ACS's one
/// transaction (the state and the replay entry stay consumed), then a report instead of a sign-in. Nobody is signed in,
/// linked, created, renamed or provisioned: the only rows written are the test's result and its audit entry, which is
/// checked before the commit.
/// </summary>
public sealed class SamlTestSignInCompletion(DatabaseSamlReplayCache replayCache, SpKeys.SamlSpKeyStore spKeys, SamlTestPreview preview, AuditLog audit,
    TimeProvider time, ILogger<SamlTestSignInCompletion> logger)
{
    /// <summary>
    /// The one place a test reads the person from the assertion, so that a richer mapping (group names resolved to
    /// the directory's ids, say) is switched in here and shows in the test as in a sign-in.
    /// </summary>
    public static (SamlIdentity? Identity, Error? Error) MapIdentity(SamlAssertion assertion, SamlAttributeProfile profile) =>
        SamlIdentityMapper.Map(assertion, profile);

    internal async Task<SamlSignInResult> CompleteAsync(AcsTransaction acs, SamlLoginState state, string? samlResponse,
        SamlServiceProviderSettings serviceProvider, CancellationToken cancellationToken)
    {
        var db = acs.Db;
        var test = await db.Set<SamlTestSignIn>().SingleOrDefaultAsync(t => t.Id == state.TestSignInId, cancellationToken);
        if (test is null || test.ParentOrganizationId != state.ParentOrganizationId)
        {
            // Its test is gone (the state would have gone with it): still a test, never a sign-in. The state stays used.
            await acs.CommitAsync(cancellationToken);
            return SamlSignInResult.Failed(SamlSignInFailure.NoLoginState, "the test sign-in this login belonged to no longer exists");
        }

        var result = await CheckAsync(db, test, state.RequestId, samlResponse, serviceProvider, cancellationToken);
        await acs.MarkValidatedAsync(cancellationToken); // from here a failure keeps the state and the replay entry consumed
        (test.CompletedAt, test.Passed, test.ResultJson) = (time.GetUtcNow(), result.Passed, result.ToJson());
        test.FailedCheck = result.FailedCheck?.Name ?? (result.Problem is null ? null : "The connection to test");
        var failed = result.FailedCheck;
        audit.Record(db, new AuditActor(test.StartedByPersonId, test.StartedByName), "sso.test-completed", Bounded(test.IdpEntityId), null,
            new { Test = test.Id, Connection = test.IsDraft ? "draft" : "saved", Outcome = result.Passed ? "passed" : "failed", FailedCheck = test.FailedCheck },
            parentOrganizationId: test.ParentOrganizationId);
        EnsureOnlyTheResultIsWritten(db);
        await db.SaveChangesAsync(cancellationToken);
        // A parent keeps its last completed test only: older results (what an IdP sent about someone) are not kept.
        await db.Set<SamlTestSignIn>().Where(t => t.ParentOrganizationId == test.ParentOrganizationId && t.CompletedAt != null && t.Id != test.Id)
            .ExecuteDeleteAsync(cancellationToken);
        await acs.CommitAsync(cancellationToken);
        logger.LogInformation("SAML test sign-in {TestId} for parent {ParentId}: {Outcome}{FailedCheck}", test.Id, test.ParentOrganizationId,
            result.Passed ? "passed" : "failed", failed is null ? "" : $" at \"{failed.Name}\"");
        return SamlSignInResult.Tested(test.Id);
    }

    private async Task<SamlTestResult> CheckAsync(IdentityAccessDbContext db, SamlTestSignIn test, string requestId, string? samlResponse,
        SamlServiceProviderSettings serviceProvider, CancellationToken cancellationToken)
    {
        var connection = test.DraftJson is { } draft
            ? SamlTestDraft.FromJson(draft).ToConnection(test.ParentOrganizationId)
            : await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == test.ParentOrganizationId, cancellationToken);
        if (connection is null)
        {
            return new SamlTestResult(false, test.IdpEntityId, SamlTestChecklist.From(null, null).Select(c => c with { Status = SamlTestCheckStatus.NotRun }).ToList(),
                "The saved connection was removed before the IdP answered, so there was nothing to check the answer against.", null, null, [], null, null);
        }

        // A test always answers its own request: IdP-initiated rules never apply to it, whatever the connection allows.
        var idp = connection.ToIdpConnection() with { AllowIdpInitiated = false };
        var context = new SamlValidationContext(serviceProvider, idp, requestId, time, replayCache.In(db))
        {
            DecryptionKeySource = keysCancellation => spKeys.DecryptionKeysAsync(db, test.ParentOrganizationId, keysCancellation),
        };
        var validated = await SamlResponseValidator.ValidateAsync(samlResponse, context, cancellationToken);

        if (!validated.Succeeded)
        {
            return new SamlTestResult(test.IsDraft, connection.EntityId, SamlTestChecklist.From(validated.Rejection, null), null, null, null, [], null, null);
        }

        var assertion = validated.Assertion;
        var (identity, unusable) = MapIdentity(assertion, connection.Profile);
        var attributes = assertion.Attributes.Select(a => new SamlTestAttribute(a.Key, a.Value)).ToList();
        SamlTestIdentity? shown = null;
        SamlTestWouldDo? wouldDo = null;
        if (identity is not null)
        {
            var names = await ProvisioningInputLoader.GroupNamesAsync(db, test.ParentOrganizationId, cancellationToken);
            shown = new SamlTestIdentity(identity.Subject, identity.Email, identity.DisplayName,
                [.. identity.Groups.Select(g => new SamlTestGroup(g, names.GetValueOrDefault(g)))], identity.GroupsOverage);
            wouldDo = await preview.EvaluateAsync(db, test.ParentOrganizationId, identity, cancellationToken);
        }

        return new SamlTestResult(test.IsDraft, connection.EntityId, SamlTestChecklist.From(null, unusable), null, assertion.NameId, assertion.NameIdFormat,
            attributes, shown, wouldDo);
    }

    /// <summary>
    /// The guarantee, checked rather than assumed: besides the consumed state and the replay entry (already written),
    /// a test writes its result and its audit entry, and nothing else: no person, link, membership or profile.
    /// </summary>
    private static void EnsureOnlyTheResultIsWritten(IdentityAccessDbContext db)
    {
        var written = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not (SamlTestSignIn or AuditEvent))
            .Select(e => e.Metadata.ClrType.Name).ToList();
        if (written.Count > 0)
        {
            throw new InvalidOperationException($"A test sign-in would have written {string.Join(", ", written)}; nothing was saved.");
        }
    }

    private static string Bounded(string value) => value.Length > 320 ? value[..320] : value;
}
