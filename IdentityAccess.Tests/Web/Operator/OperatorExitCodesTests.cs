using System.Text.Json;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Operator;

/// <summary>
/// One table of exit codes for every command (0 done, 1 refused by a rule, 2 not found, 64 usage, 69 database), and a
/// refusal on standard error only: as text, or with <c>--json</c> as <c>{"error": {"code", "message"}}</c>.
/// </summary>
public sealed class OperatorExitCodesTests(OperatorFilePortal portal) : IClassFixture<OperatorFilePortal>
{
    private const string SomeTokenId = "0193a000-0000-7000-8000-000000000001";

    private Task<OperatorProcess.Run> RunAsync(params string[] args) => OperatorInProcess.RunAsync(portal, args);

    /// <summary>The refusal's JSON error, after asserting its exit code and that nothing went to standard output.</summary>
    private async Task<(string Code, string Message)> RefusedAsync(int exitCode, params string[] args)
    {
        var run = await RunAsync([.. args, "--json"]);
        Assert.Equal((exitCode, ""), (run.ExitCode, run.Output));
        var error = JsonDocument.Parse(run.Error).RootElement.GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("scim-token|create")]
    [InlineData("scim-token|create|--parent")]
    [InlineData("scim-token|revoke|--parent|Acme Corporation|--id|not-a-guid")]
    [InlineData("scim-token|revoke|--parent|Acme Corporation|--id|" + SomeTokenId + "|--confirm")]
    [InlineData("domain|list|--parent|Acme Corporation|--extra")]
    [InlineData("saml|import-metadata|--parent|Globex|--file|metadata.xml|--profile|azure")]
    [InlineData("parent-admin|grant|--parent|Acme Corporation")]
    [InlineData("outbox|send")]
    [InlineData("migrate|--create")]
    public async Task UnknownCommandOrArguments_Exit64_UsageOnStandardError(string words)
    {
        var run = await RunAsync(words.Split('|', StringSplitOptions.RemoveEmptyEntries));
        var json = await RefusedAsync(64, words.Split('|', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal((64, ""), (run.ExitCode, run.Output));
        Assert.Contains("Usage: operator <command> [--json]", run.Error, StringComparison.Ordinal);
        Assert.Equal("usage", json.Code);
    }

    [Theory]
    [InlineData("scim-token|create|--parent|Nobody Inc")]
    [InlineData("scim-token|list|--parent|Nobody Inc")]
    [InlineData("scim-token|revoke|--parent|Nobody Inc|--id|" + SomeTokenId)]
    [InlineData("domain|list|--parent|Nobody Inc")]
    [InlineData("saml|import-metadata|--parent|Nobody Inc|--url|https://idp.example.test/metadata")]
    [InlineData("parent-admin|list|--parent|Nobody Inc")]
    [InlineData("parent-admin|grant|--parent|Nobody Inc|--email|alice@acme.test")]
    [InlineData("parent-admin|revoke|--parent|" + SomeTokenId + "|--email|alice@acme.test")]
    public async Task UnknownParent_EveryCommandThatNamesOne_Exit2(string words)
    {
        var run = await RunAsync(words.Split('|'));
        var json = await RefusedAsync(2, words.Split('|'));

        Assert.Equal((2, ""), (run.ExitCode, run.Output));
        Assert.StartsWith("No parent organization '", run.Error, StringComparison.Ordinal);
        Assert.Equal("parent-not-found", json.Code);
    }

    [Fact]
    public async Task UnknownTokenPersonOrFile_Exit2_WithTheCategoryAsCode()
    {
        var token = await RefusedAsync(2, "scim-token", "revoke", "--parent", "Acme Corporation", "--id", SomeTokenId);
        var person = await RefusedAsync(2, "parent-admin", "revoke", "--parent", "Acme Corporation", "--email", "nobody@acme.test");
        var file = await RefusedAsync(2, "saml", "import-metadata", "--parent", "Globex", "--file", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xml"));

        Assert.Equal(("not-found", "not-found", "file-not-found"), (token.Code, person.Code, file.Code));
    }

    [Fact]
    public async Task ScimTokenCreate_ATeamPlanParent_Exit1NotAllowed_AndNoTokenMade()
    {
        var (code, message) = await RefusedAsync(1, "scim-token", "create", "--parent", "Globex");

        Assert.Equal("not-allowed", code);
        Assert.Contains("not included in Globex's Team plan", message, StringComparison.Ordinal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.ScimTokens.AnyAsync(t => t.ParentOrganizationId == portal.Demo.GlobexParent));
    }

    [Fact]
    public async Task ParentAdminGrant_APersonOfAnotherParentsOrganization_Exit1_AndNotMadeAnAdmin()
    {
        var (code, message) = await RefusedAsync(1, "parent-admin", "grant", "--parent", "Acme Corporation", "--email", "grace@globex.test");

        Assert.Equal("invalid-input", code);
        Assert.Contains("is not an active member of an organization of Acme Corporation", message, StringComparison.Ordinal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.ParentAdministrators.AnyAsync(a => a.ParentOrganizationId == portal.Demo.AcmeParent && a.PersonId == portal.Demo.Person("grace@globex.test")));
    }

    [Fact]
    public async Task ParentAdminRevoke_TheLastAdmin_Exit1Conflict_AndStillAnAdmin()
    {
        var text = await RunAsync("parent-admin", "revoke", "--parent", "Globex", "--email", "grace@globex.test");
        var (code, _) = await RefusedAsync(1, "parent-admin", "revoke", "--parent", "Globex", "--email", "grace@globex.test");

        Assert.Equal(1, text.ExitCode);
        Assert.StartsWith("Refused (conflict): Globex would have no admin left.", text.Error, StringComparison.Ordinal);
        Assert.Equal("conflict", code);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.True(await db.ParentAdministrators.AnyAsync(a => a.ParentOrganizationId == portal.Demo.GlobexParent && a.PersonId == portal.Demo.Person("grace@globex.test")));
    }

    /// <summary>Anyone signed in can name a parent as they like: a shared name never picks one of them for the operator.</summary>
    [Fact]
    public async Task AParentNameTwoParentsShare_Exit2_AndNoTokenMadeForEither()
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.ParentOrganizations.AddRange(
                new ParentOrganization { Name = "Twin Holdings", Plan = ParentPlan.Enterprise, CreatedAt = DateTimeOffset.UtcNow },
                new ParentOrganization { Name = "Twin Holdings", Plan = ParentPlan.Enterprise, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var (code, message) = await RefusedAsync(2, "scim-token", "create", "--parent", "Twin Holdings");

        Assert.Equal("parent-ambiguous", code);
        Assert.Contains("Give its id instead", message, StringComparison.Ordinal);
        await using var check = await portal.Factory.CreateDbContextAsync();
        Assert.False(await check.ScimTokens.AnyAsync(t => check.ParentOrganizations.Any(p => p.Id == t.ParentOrganizationId && p.Name == "Twin Holdings")));
    }
}
