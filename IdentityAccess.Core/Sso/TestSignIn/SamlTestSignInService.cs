using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// "Test sign-in" on the SSO panel: only the parent's admins start one (<see cref="Permission.ManageParentSettings"/>,
/// read under the parent's lock), against the saved connection or a draft of it, which is kept with the test and never
/// applied. The start is audited; the login state it creates is marked as a test for good, so the ACS reports instead
/// of signing in. Its result is bound to the admin and the session that started it.
/// </summary>
public sealed class SamlTestSignInService(IDbContextFactory<IdentityAccessDbContext> contexts, GuardedWrites writes, OrganizationAccessService access,
    SamlLoginStates states, AuthnRequestBuilder requests, SpKeys.SamlSpKeyStore spKeys, AuditLog audit, TimeProvider time)
{
    /// <param name="sessionId">The portal session asking; only it will see the result.</param>
    /// <param name="draft">Metadata not saved yet; null to test the saved connection.</param>
    /// <returns>Where to send the browser (the IdP) and the nonce for its state cookie, or why not.</returns>
    public async Task<(SamlSignInStart? Start, Error? Refusal)> StartAsync(Guid parentId, Guid actingPersonId, Guid sessionId,
        SamlServiceProviderSettings serviceProvider, SamlTestDraftInput? draft, CancellationToken cancellationToken = default)
    {
        SamlTestSignIn test;
        SamlAuthnRedirect redirect;
        var key = SamlLoginStates.NewKey(); // RelayState: the state's key only, as for a sign-in
        await using (var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken))
        {
            if (write.Refusal is { } refusal)
            {
                return (null, refusal);
            }

            var (connection, draftJson, invalid) = draft is null ? await SavedAsync(write.Db, parentId, cancellationToken) : Draft(parentId, draft);
            if (invalid is not null)
            {
                return (null, invalid);
            }

            test = new SamlTestSignIn
            {
                ParentOrganizationId = parentId,
                StartedByPersonId = actingPersonId,
                StartedByName = write.Actor.Name,
                StartedInSessionId = sessionId,
                StartedAt = time.GetUtcNow(),
                DraftJson = draftJson,
                IdpEntityId = connection!.EntityId,
            };
            write.Db.Set<SamlTestSignIn>().Add(test);
            audit.Record(write.Db, write.Actor, "sso.test-started", connection.EntityId.Length > 320 ? connection.EntityId[..320] : connection.EntityId, null,
                new { Test = test.Id, Connection = test.IsDraft ? "draft" : "saved", connection.EntityId }, parentOrganizationId: parentId);
            // Tests never answered are useless once their login expired; removing them here keeps the table small.
            var expired = test.StartedAt - SamlLoginStates.Lifetime;
            await write.Db.Set<SamlTestSignIn>().Where(t => t.ParentOrganizationId == parentId && t.CompletedAt == null && t.StartedAt < expired)
                .ExecuteDeleteAsync(cancellationToken);
            using (var signingKey = await spKeys.RequestSigningKeyAsync(write.Db, parentId, cancellationToken))
            {
                redirect = requests.Build(serviceProvider, connection.ToIdpConnection(), key, signingKey);
            }

            if (await write.CommitAsync(cancellationToken) is { } changed)
            {
                return (null, changed);
            }
        }

        var nonce = await states.CreateAsync(key, parentId, redirect.RequestId, "/", cancellationToken, testSignInId: test.Id);
        return (new SamlSignInStart(redirect.RedirectUrl, key, nonce), null);
    }

    /// <summary>The test, with its result, for the admin who started it, in the session that started it; refused for anyone else.</summary>
    public async Task<(SamlTestSignInView? Test, Error? Refusal)> GetAsync(Guid testId, Guid actingPersonId, Guid sessionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var test = await db.Set<SamlTestSignIn>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == testId, cancellationToken);
        if (test is null || test.StartedByPersonId != actingPersonId || test.StartedInSessionId != sessionId
            || !(await access.CheckParentAsync(test.ParentOrganizationId, actingPersonId, Permission.ManageParentSettings, cancellationToken)).IsGranted)
        {
            return (null, new SamlTestNotFound());
        }

        return (View(test, isMine: true), null);
    }

    /// <summary>The parent's last completed test (its outcome; the result too when it is this session's), for its admins; null otherwise.</summary>
    public async Task<SamlTestSignInView?> GetLastAsync(Guid parentId, Guid actingPersonId, Guid? sessionId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.Set<SamlTestSignIn>().AsNoTracking().Where(t => t.ParentOrganizationId == parentId && t.CompletedAt != null)
            .OrderByDescending(t => t.CompletedAt).FirstOrDefaultAsync(cancellationToken);
        return last is null ? null : View(last, last.StartedByPersonId == actingPersonId && last.StartedInSessionId == sessionId);
    }

    private static SamlTestSignInView View(SamlTestSignIn test, bool isMine) => new(test.Id, test.StartedByName, test.StartedAt, test.CompletedAt,
        test.Passed, test.FailedCheck, test.IsDraft, test.IdpEntityId, isMine, isMine && test.ResultJson is { } json ? SamlTestResult.FromJson(json) : null);

    private static async Task<(SamlConnection? Connection, string? DraftJson, Error? Invalid)> SavedAsync(IdentityAccessDbContext db, Guid parentId,
        CancellationToken cancellationToken) =>
        await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken) is { } saved
            ? (saved, null, null)
            : (null, null, new SamlConnectionMissing());

    // Read and checked exactly as an import would be, then kept with the test only.
    private static (SamlConnection? Connection, string? DraftJson, Error? Invalid) Draft(Guid parentId, SamlTestDraftInput draft)
    {
        if (string.IsNullOrWhiteSpace(draft.MetadataXml))
        {
            return (null, null, new SamlTestMetadataMissing());
        }

        var (metadata, error) = IdpMetadataReader.Read(draft.MetadataXml);
        if (error is not null)
        {
            return (null, null, error);
        }

        if (draft.Preset == SamlAttributePreset.Custom && draft.Custom is not { IsComplete: true })
        {
            return (null, null, new SamlCustomAttributesMissing());
        }

        var parsed = SamlTestDraft.From(metadata!, draft.Preset, draft.Custom);
        return (parsed.ToConnection(parentId), parsed.ToJson(), null);
    }
}
