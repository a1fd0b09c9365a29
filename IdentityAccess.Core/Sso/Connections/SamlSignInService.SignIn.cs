using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Core.Sso.Jit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The sign-in itself, once the Response is validated: who the person is, what JIT gives them, whether they come in,
/// and the decision's audit entry, session and provisioning-log row, all in the ACS's one transaction and commit.
/// </summary>
public sealed partial class SamlSignInService
{
    /// <summary>
    /// In the ACS's transaction: the identity is linked (or, for JIT, the person created), the person's profile follows the
    /// IdP where the parent owns them, the groups of this sign-in are stored, JIT organizations provision, and the
    /// person is let in only when an active member of an organization of this parent, with their portal session opened
    /// in the same commit; otherwise the most useful refusal is chosen, and no session is opened.
    /// </summary>
    private async Task<SamlSignInResult> SignInAsync(AcsTransaction acs, SignInAttempt attempt, string idp, SamlIdentity identity, string returnUrl,
        PortalSessionRequest session, CancellationToken cancellationToken)
    {
        var (db, parentId) = (acs.Db, attempt.ParentId);
        // The domains, organizations, settings and mappings as of this transaction: one statement checks the parent's
        // snapshot (its stamps), which JIT provisions from too.
        var snapshot = await snapshots.CurrentAsync(db, parentId, cancellationToken)
            ?? throw new InvalidOperationException("The parent of this sign-in no longer exists."); // its login state and connection were just read
        var domains = snapshot.Domains;
        var organizations = snapshot.Organizations.Select(ParentOrganizationMode.Of).ToList();
        var mayCreate = organizations.Any(o => o.ProvisionsJustInTime);
        var link = await linker.LinkAsync(db, parentId, identity, domains.Owns(identity.Email), mayCreate, cancellationToken);
        if (link is null)
        {
            return await RefuseNewcomerAsync(acs, attempt, idp, identity, domains, organizations, cancellationToken);
        }

        var person = link.Person!;
        var changes = new SignInChanges(db.Entry(person).State == EntityState.Added, db.Entry(link).State == EntityState.Added);
        if (!changes.PersonCreated)
        {
            changes.Profile = await DirectoryProfile.ApplyAsync(db, person, domains, identity.DisplayName, identity.Email, audit, _signIn, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken); // the engine's loader reads the link, its groups and the profile
        var (access, before) = await jit.ProvisionAsync(db, snapshot, person.Id, _signIn, cancellationToken);
        (changes.Before, changes.Access) = (before, access);
        var refusal = SignInRefusal.For(access);
        if (refusal is not null && await InvitationAcceptance.HasPendingAsync(db, person.Id, time.GetUtcNow(), cancellationToken))
        {
            // Invited and a member of nothing yet: let in to accept, which the invitation's own email check guards;
            // the session opens no organization until then (every page reads the role from the database).
            refusal = null;
        }
        var opened = refusal is null ? await sessions.OpenAsync(db, person.Id, session, cancellationToken) : null;
        if (refusal is null)
        {
            audit.Record(db, new AuditActor(person.Id, person.DisplayName), "sso.signed-in", person.Email, null,
                new { IdP = idp, identity.Subject, Organizations = access.Where(a => a.CanSignIn).Select(a => a.OrganizationName) },
                parentOrganizationId: parentId);
        }
        else
        {
            logger.LogWarning("SAML sign-in refused for parent {ParentId}, IdP {IdP}: {Failure} in {Organization}", parentId, idp, refusal.Failure,
                refusal.OrganizationName);
            audit.Record(db, _signIn, "sso.sign-in-refused", person.Email, null,
                new { Failure = refusal.Failure.ToString(), Organization = refusal.OrganizationName, refusal.Detail }, parentOrganizationId: parentId);
        }

        // Kept even when refused: a newcomer in no mapped group stays listed, one without a seat waits in the queue. The
        // memberships after are those the tracker holds, as this save writes them; only a set-based plan is read back.
        if (SignInMembership.AfterSave(db, changes.Before, person.Id, access) is { } after)
        {
            changes.After = after;
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
            changes.After = await SignInMembership.LoadAsync(db, parentId, person.Id, cancellationToken);
        }

        LogDecision(db, attempt, person.Email, refusal, changes); // its row commits with what it describes
        await db.SaveChangesAsync(cancellationToken);
        await acs.CommitAsync(cancellationToken);
        return refusal is null
            ? SamlSignInResult.Success(person, returnUrl, opened!)
            : SamlSignInResult.Failed(refusal.Failure, refusal.Detail) with { OrganizationName = refusal.OrganizationName };
    }

    /// <summary>The sign-in's provisioning-log row, in its transaction: refused with why, provisioned with what changed, or accepted.</summary>
    private void LogDecision(IdentityAccessDbContext db, SignInAttempt attempt, string email, SignInRefusal? refusal, SignInChanges changes)
    {
        if (refusal is not null)
        {
            provisioningLog.Refused(db, attempt, refusal.Failure, $"{email}: {refusal.Detail}" + (refusal.OrganizationName.Length > 0 ? $" ({refusal.OrganizationName})" : ""),
                refusal.Why(email), changes.Describe(email));
        }
        else if (changes.Describe(email) is { } changed)
        {
            provisioningLog.Provisioned(db, attempt, changed);
        }
        else
        {
            provisioningLog.Accepted(db, attempt, changes.DescribeAccepted(email));
        }
    }
}
