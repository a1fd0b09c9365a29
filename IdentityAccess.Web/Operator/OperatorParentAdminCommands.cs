using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// <c>operator parent-admin list|grant|revoke</c>: who administers a parent, for recovery when no admin is left who can
/// sign in. The same commands as the parent page, run through the operator's guarded write and audited as the operator.
/// </summary>
internal static class OperatorParentAdminCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var administration = services.GetRequiredService<ParentAdministration>();
        switch (args)
        {
            case ["list", "--parent", var parent]:
                if (await OperatorCommands.FindParentAsync(services, parent, error) is not { } listFor)
                {
                    return 2;
                }

                foreach (var admin in await administration.ListAsOperatorAsync(listFor))
                {
                    await output.WriteLineAsync($"{admin.Email}\t{admin.DisplayName}\tsince {admin.GrantedAt:u} by {admin.GrantedBy}");
                }

                return 0;
            case ["grant", "--parent", var parent, "--email", var email]:
                return await OperatorCommands.FindParentAsync(services, parent, error) is { } grantFor
                    ? await ReportAsync(await administration.GrantAsOperatorAsync(grantFor, email), $"{email} is now an admin of the parent organization.", output, error)
                    : 2;
            case ["revoke", "--parent", var parent, "--email", var email]:
                return await OperatorCommands.FindParentAsync(services, parent, error) is { } revokeFor
                    ? await ReportAsync(await administration.RevokeAsOperatorAsync(revokeFor, email), $"{email} is no longer an admin of the parent organization.", output, error)
                    : 2;
            default:
                await error.WriteLineAsync("Usage: operator parent-admin list --parent <name or id> | grant|revoke --parent <name or id> --email <email>");
                return 2;
        }
    }

    /// <summary>A refusal's exit code says its category, so a script can tell "not allowed" from "already done".</summary>
    public static int ExitCode(RefusalCategory category) => category switch
    {
        RefusalCategory.NotAllowed => 3,
        RefusalCategory.NotFound => 4,
        RefusalCategory.Conflict => 5,
        RefusalCategory.InvalidInput => 6,
    };

    private static async Task<int> ReportAsync(Error? refused, string done, TextWriter output, TextWriter error)
    {
        if (refused is null)
        {
            await output.WriteLineAsync(done);
            return 0;
        }

        await error.WriteLineAsync($"Refused ({Category(refused.Category)}): {refused.Message}");
        return ExitCode(refused.Category);
    }

    private static string Category(RefusalCategory category) => category switch
    {
        RefusalCategory.NotAllowed => "not allowed",
        RefusalCategory.NotFound => "not found",
        RefusalCategory.Conflict => "conflict",
        RefusalCategory.InvalidInput => "invalid input",
    };
}
