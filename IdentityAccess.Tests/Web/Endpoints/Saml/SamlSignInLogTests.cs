using System.Net;
using System.Text;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// Every SSO sign-in decision in Acme's provisioning log, one row per attempt, through the real ACS: accepted with
/// role and tier, JIT-provisioned, role changed from → to, and refused with its reason, never with the Response in it.
/// </summary>
public abstract class SamlSignInLogTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Fact]
    public async Task ExistingMember_EachSignIn_OneRow_TheRoutineOneAcceptedWithRoleAndTier()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("carol@acme.test", "okta-carol")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("carol@acme.test", "okta-carol")).StatusCode);

        var rows = await SsoLogAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains("linked the IdP's subject to the existing person", rows[0].Summary, StringComparison.Ordinal);
        Assert.Equal((200, null, "carol@acme.test signed in: User, Standard seat in Acme"), (rows[1].Status, rows[1].ErrorType, rows[1].Summary));
    }

    [Fact]
    public async Task JitNewcomer_ProvisionedWithRoleAndTier_ThenRoleChangedFromTo_ThenRefusedWithItsReason()
    {
        await SaveJitWithMappingsAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", Engineering)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", Staff)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync("frank@acme.test", "okta-frank")).StatusCode);

        var rows = await SsoLogAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal("frank@acme.test: created the person; provisioned in Acme as Admin, Premium seat", rows[0].Summary);
        Assert.Contains("role in Acme Admin → User", rows[1].Summary, StringComparison.Ordinal);
        Assert.Equal((403, nameof(SamlSignInFailure.NotInMappedGroup)), (rows[2].Status, rows[2].ErrorType));
        Assert.StartsWith("frank@acme.test: ", rows[2].ErrorDetail, StringComparison.Ordinal);
        // Beside the English, the code the log page words in the owner's language.
        Assert.Equal(LogPhrase.Of(LogPhraseCode.SignInNotInMappedGroup, "frank@acme.test", "Acme"), ProvisioningLogCodes.ReadError(rows[2].TextCodes));
        Assert.Null(ProvisioningLogCodes.ReadError(rows[0].TextCodes));
        Assert.Contains("status in Acme active → sign-in blocked", rows[2].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseSignedByAnotherKey_RefusedAsRejected_TheRowSaysWhyWithoutTheResponseSignatureOrCookie()
    {
        var login = await StartAsync("/");
        var forged = new SamlResponseSigner(SamlTestKeys.Attacker).CreateXml(new SamlResponseContent
        {
            Issuer = IdpMetadataSamples.OktaEntityId,
            NameId = "okta-carol",
            Audience = "urn:identityaccess:sp",
            Destination = Acs,
            InResponseTo = login.RequestId,
            IssueInstant = DateTimeOffset.UtcNow,
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["email"] = ["carol@acme.test"] },
        });
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(forged));

        var acs = await PostAcsAsync(login, encoded);

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        var row = Assert.Single(await SsoLogAsync());
        Assert.Equal((400, nameof(SamlSignInFailure.ResponseRejected)), (row.Status, row.ErrorType));
        Assert.Contains(nameof(SamlFailureReason.InvalidSignature), row.ErrorDetail, StringComparison.Ordinal);
        Assert.Equal(LogPhrase.Of(LogPhraseCode.SignInResponseRejected, nameof(SamlFailureReason.InvalidSignature)), ProvisioningLogCodes.ReadError(row.TextCodes));
        var signatureValue = forged[(forged.IndexOf("SignatureValue>", StringComparison.Ordinal) + 15)..];
        signatureValue = signatureValue[..signatureValue.IndexOf('<', StringComparison.Ordinal)];
        foreach (var text in new[] { row.Summary, row.ErrorDetail, row.Path, row.TextCodes })
        {
            Assert.DoesNotContain("<", text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(signatureValue[..40], text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(encoded[..40], text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(login.Nonce!, text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(login.RelayState, text ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SsoTurnedOffDuringTheLogin_RefusedAndLogged()
    {
        var login = await StartAsync("/");
        // Turned off as the system does it (no confirmation to type): what is under test is sign-in once it is off.
        Assert.Null(await Factory.Services.GetRequiredService<SamlConnectionService>()
            .SetEnabledForParentAsync(AcmeParent, false, IdentityAccess.Core.Audit.AuditActor.System("test")));

        var acs = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"));

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        var row = Assert.Single(await SsoLogAsync());
        Assert.Equal((400, nameof(SamlSignInFailure.SsoNotAvailable)), (row.Status, row.ErrorType));
        Assert.Equal(LogPhraseCode.SignInSsoTurnedOff, ProvisioningLogCodes.ReadError(row.TextCodes)?.Code);
    }

    [Fact]
    public async Task NoLoginState_NamesNoParent_NoRowInAnyDirectory()
    {
        var acs = await PostAcsAsync(new Login("id-x", "unknown-relay-state", null, ""), "PHNhbWw+PC9zYW1sPg==");

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        await Factory.Services.FlushProvisioningLogAsync();
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.ProvisioningLog.AnyAsync(e => e.Channel == ProvisioningLogChannel.Sso));
    }

    private async Task SaveJitWithMappingsAsync()
    {
        var alice = Demo.Person("alice@acme.test");
        var settings = Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var view = await settings.GetAsync(Demo.AcmeChat, alice);
        var draft = new ProvisioningDraft(ProvisioningMode.Jit, true,
            [
                new RoleMapping(Engineering, Role.Admin), new RoleMapping(Staff, Role.User),
                // The demo directory's own groups keep Acme's members where they are, so the save guard has no lockout to refuse.
                new RoleMapping("6f1c2a9e-0001-4c1e-9a10-acme00000001", Role.Owner), new RoleMapping("6f1c2a9e-0002-4c1e-9a10-acme00000002", Role.Admin),
                new RoleMapping("6f1c2a9e-0003-4c1e-9a10-acme00000003", Role.User),
            ],
            [new TierMapping(Engineering, SeatTier.Premium)],
            null, view!.Saved.BaseVersion);
        var saved = await settings.SaveAsync(Demo.AcmeChat, draft, alice, typedConfirmation: null);
        Assert.True(saved.Errors.Count == 0, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }
}

public sealed class SqliteSamlSignInLogTests() : SamlSignInLogTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlSignInLogTests() : SamlSignInLogTests(new PostgresPortalFixture());
