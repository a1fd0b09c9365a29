using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Web.Operator;

/// <summary><c>operator domain list</c>: a parent's domains, their status and the TXT value to publish.</summary>
internal static class OperatorDomainCommands
{
    public static OperatorCommand? Parse(string[] args) => args switch
    {
        ["list", "--parent", var parent] => new(context => ListAsync(context, parent)),
        _ => null,
    };

    private static async Task<int> ListAsync(OperatorContext context, string parent)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        await using var db = await context.Get<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        return await context.Console.ListAsync(await DomainService.ListAsync(db, parentId, CancellationToken.None),
            domain => new
            {
                domain.Id,
                domain.Domain,
                domain.Status,
                domain.TxtRecordValue,
                domain.VerifiedAt,
                domain.LastCheckedAt,
                LastCheckResult = DomainCheckResult.EnglishOf(domain.LastCheckResult),
            },
            domain => $"{domain.Domain}\t{domain.Status}\tTXT {domain.TxtRecordValue}\t{DomainCheckResult.EnglishOf(domain.LastCheckResult)}");
    }
}
