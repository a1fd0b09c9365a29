using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Web.Operator;

/// <summary>What a parsed operator command runs with: the app's services, where to answer, and who it acts as.</summary>
internal sealed class OperatorContext(IServiceProvider services, OperatorConsole console)
{
    public OperatorConsole Console => console;

    /// <summary>Every change a command makes is audited as the operator.</summary>
    public AuditActor Actor { get; } = AuditActor.System(SystemActors.OperatorCommandLine);

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>The parent named by its name or id; null after saying why (<see cref="OperatorExitCodes.NotFound"/>).</summary>
    public async Task<Guid?> FindParentAsync(string nameOrId)
    {
        await using var db = await Get<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        // Anyone signed in can create a parent and name it as they like: a name that several parents share is refused,
        // never resolved to one of them.
        var matches = Guid.TryParse(nameOrId, out var id)
            ? await db.ParentOrganizations.Where(p => p.Id == id).Select(p => p.Id).ToListAsync()
            : await db.ParentOrganizations.Where(p => p.Name == nameOrId).Select(p => p.Id).Take(2).ToListAsync();
        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                await console.FailAsync(OperatorExitCodes.NotFound, "parent-not-found", $"No parent organization '{nameOrId}'.");
                return null;
            default:
                await console.FailAsync(OperatorExitCodes.NotFound, "parent-ambiguous", $"Several parent organizations are named '{nameOrId}'. Give its id instead.");
                return null;
        }
    }
}
