using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Operator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Operator;

public sealed class OperatorOutboxCommandsTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCommands.RunAsync(portal.Factory.Services, ["--Database:Provider", "Sqlite", .. args], output, error);
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public async Task OutboxList_ShowsEachEmailWithItsLinkUntilSent_AndUnsentLeavesOutTheSentOnes()
    {
        var signIn = portal.Factory.Services.GetRequiredService<EmailSignInService>();
        Assert.Null(await signIn.RequestAsync("sent@initech.test", "/", "http://portal.test/"));
        Assert.Null(await signIn.RequestAsync("waiting@initech.test", "/", "http://portal.test/"));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var sent = await db.OutboxMessages.SingleAsync(m => m.ToAddress == "sent@initech.test");
            (sent.SentAt, sent.TextBody) = (DateTimeOffset.UtcNow, OutboxText.RedactSecrets(sent.TextBody));
            await db.SaveChangesAsync();
        }

        var (all, listed, _) = await RunAsync("operator", "outbox", "list");
        var (unsent, listedUnsent, _) = await RunAsync("operator", "outbox", "list", "--unsent");
        var (wrong, _, usage) = await RunAsync("operator", "outbox", "send");

        Assert.Equal((0, 0, 64), (all, unsent, wrong));
        var waiting = listed.Split('\n').Single(l => l.Contains("waiting@initech.test", StringComparison.Ordinal));
        Assert.Contains("\tSignInLink\twaiting@initech.test\tunsent\tYour IdentityAccess sign-in link\thttp://portal.test/sign-in/link/", waiting, StringComparison.Ordinal);
        Assert.Contains("sent@initech.test\tsent ", listed, StringComparison.Ordinal);
        Assert.Contains("/sign-in/link/[removed", listed, StringComparison.Ordinal);
        Assert.Contains("waiting@initech.test", listedUnsent, StringComparison.Ordinal);
        Assert.DoesNotContain("sent@initech.test", listedUnsent, StringComparison.Ordinal);
        Assert.Contains("operator outbox list [--unsent]", usage, StringComparison.Ordinal);
    }
}
