using System.Text.Json;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Operator;

/// <summary>
/// <c>--json</c> on every command: one JSON document on standard output with stable camelCase names, lists as arrays
/// of objects, a change as <c>{"result": …}</c>, and nothing on standard error.
/// </summary>
public sealed class OperatorJsonOutputTests(OperatorFilePortal portal) : IClassFixture<OperatorFilePortal>
{
    private async Task<JsonElement> AnswerAsync(params string[] args)
    {
        var run = await OperatorInProcess.RunAsync(portal, args);
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        return JsonDocument.Parse(run.Output).RootElement;
    }

    [Fact]
    public async Task ScimToken_CreateListRevoke_TheCreatedTokenWithItsSecret_TheListAsObjects_TheRevokeAsAResult()
    {
        var created = await AnswerAsync("scim-token", "create", "--parent", "Acme Corporation", "--json");
        var id = created.GetProperty("id").GetGuid();
        var listed = await AnswerAsync("scim-token", "--json", "list", "--parent", "Acme Corporation");
        var revoked = await AnswerAsync("--json", "scim-token", "revoke", "--parent", "Acme Corporation", "--id", id.ToString());

        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith(created.GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);
        var token = Assert.Single(listed.EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);
        Assert.Equal(created.GetProperty("prefix").GetString(), token.GetProperty("prefix").GetString());
        Assert.Equal("Operator command line", token.GetProperty("createdBy").GetString());
        Assert.True(token.GetProperty("createdAt").TryGetDateTimeOffset(out _));
        Assert.Equal(JsonValueKind.Null, token.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(("revoked", id), (revoked.GetProperty("result").GetString(), revoked.GetProperty("tokenId").GetGuid()));
        Assert.Null(await portal.Factory.Services.GetRequiredService<ScimTokenService>().AuthenticateAsync(secret));
    }

    [Fact]
    public async Task DomainList_AnArrayOfDomainsWithTheirStatusAndTxtValue()
    {
        var domains = await AnswerAsync("domain", "list", "--parent", "Acme Corporation", "--json");

        var acme = Assert.Single(domains.EnumerateArray(), d => d.GetProperty("domain").GetString() == "acme.test");
        Assert.Equal("Verified", acme.GetProperty("status").GetString());
        Assert.StartsWith("identityaccess-domain-verification=", acme.GetProperty("txtRecordValue").GetString(), StringComparison.Ordinal);
        Assert.True(acme.TryGetProperty("lastCheckResult", out _));
    }

    [Fact]
    public async Task ParentAdmin_ListGrantRevoke_TheAdminsAsObjects_TheChangesAsResults()
    {
        var granted = await AnswerAsync("parent-admin", "grant", "--parent", "Acme Corporation", "--email", "bob@acme.test", "--json");
        var listed = await AnswerAsync("parent-admin", "list", "--parent", "Acme Corporation", "--json");
        var revoked = await AnswerAsync("parent-admin", "revoke", "--parent", "Acme Corporation", "--email", "bob@acme.test", "--json");

        Assert.Equal(("granted", "bob@acme.test"), (granted.GetProperty("result").GetString(), granted.GetProperty("email").GetString()));
        Assert.Equal(["alice@acme.test", "bob@acme.test"], listed.EnumerateArray().Select(a => a.GetProperty("email").GetString()).Order());
        var bob = listed.EnumerateArray().Single(a => a.GetProperty("email").GetString() == "bob@acme.test");
        Assert.Equal("Operator command line", bob.GetProperty("grantedBy").GetString());
        Assert.True(bob.GetProperty("personId").TryGetGuid(out _));
        Assert.False(string.IsNullOrEmpty(bob.GetProperty("displayName").GetString()));
        Assert.Equal("revoked", revoked.GetProperty("result").GetString());
    }

    [Fact]
    public async Task OutboxList_AnArrayOfMessagesWithTheirLinks()
    {
        Assert.Null(await portal.Factory.Services.GetRequiredService<EmailSignInService>().RequestAsync("json@initech.test", "/", "http://portal.test/"));

        var messages = await AnswerAsync("outbox", "list", "--unsent", "--json");

        var message = Assert.Single(messages.EnumerateArray(), m => m.GetProperty("toAddress").GetString() == "json@initech.test");
        Assert.Equal("SignInLink", message.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("sentAt").ValueKind);
        Assert.Equal(0, message.GetProperty("attempts").GetInt32());
        Assert.StartsWith("https://portal.example.test/sign-in/link/", message.GetProperty("links")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saml_ImportMetadataAndSpMetadata_AsObjects()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, IdentityAccess.Tests.Saml.IdpMetadataSamples.Okta(
            IdentityAccess.Tests.Saml.SamlTestKeys.PublicOnly(IdentityAccess.Tests.Saml.SamlTestKeys.Idp)));
        try
        {
            var imported = await AnswerAsync("saml", "import-metadata", "--parent", "Globex", "--file", file, "--profile", "okta", "--json");
            var sp = await AnswerAsync("saml", "sp-metadata", "--json");

            Assert.Equal(("imported", "Okta"), (imported.GetProperty("result").GetString(), imported.GetProperty("preset").GetString()));
            Assert.StartsWith("https://portal.example.test/", sp.GetProperty("acsUrl").GetString(), StringComparison.Ordinal);
            Assert.Contains(sp.GetProperty("entityId").GetString()!, sp.GetProperty("metadata").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migrate_OnTheExistingDatabase_NothingToApply()
    {
        var migrated = await AnswerAsync("migrate", "--json");

        Assert.Equal(("migrated", 0), (migrated.GetProperty("result").GetString(), migrated.GetProperty("appliedMigrations").GetInt32()));
    }

    [Fact]
    public async Task Help_TheUsageOnStandardOutput_Exit0()
    {
        var text = await OperatorInProcess.RunAsync(portal, "help");
        var json = await AnswerAsync("help", "--json");

        Assert.Equal((0, ""), (text.ExitCode, text.Error));
        Assert.Contains("Exit codes: 0 done, 1 refused by a rule, 2 not found", text.Output, StringComparison.Ordinal);
        Assert.Contains("operator migrate", json.GetProperty("usage").GetString(), StringComparison.Ordinal);
    }
}
