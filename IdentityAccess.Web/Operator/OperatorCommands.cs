using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// The operator command line, in the same app so it uses the same configuration and database:
/// <c>dotnet run --project IdentityAccess.Web -- operator scim-token create|list|revoke …</c>. For automation; every
/// change is audited as the operator.
/// </summary>
internal static class OperatorCommands
{
    public const string Verb = "operator";

    /// <summary>"operator" anywhere: configuration switches (--Database:Provider …) may come before it.</summary>
    public static bool IsOperatorCommand(string[] args) => Array.IndexOf(args, Verb) >= 0;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var tokens = services.GetRequiredService<ScimTokenService>();
        var actor = AuditActor.System(SystemActors.OperatorCommandLine);
        switch (args.Skip(Array.IndexOf(args, Verb) + 1).ToArray())
        {
            case ["scim-token", "create", "--parent", var parent]:
                if (await FindParentAsync(services, parent, error) is not { } createFor)
                {
                    return 2;
                }

                var (token, refused) = await tokens.GenerateAsync(createFor, actor);
                if (refused is not null)
                {
                    await error.WriteLineAsync(refused.Message);
                    return 1;
                }

                await output.WriteLineAsync(token!.Secret);
                return 0;
            case ["scim-token", "list", "--parent", var parent]:
                if (await FindParentAsync(services, parent, error) is not { } listFor)
                {
                    return 2;
                }

                foreach (var info in await tokens.ListActiveAsync(listFor))
                {
                    await output.WriteLineAsync($"{info.Id}\t{info.Prefix}…\tcreated {info.CreatedAt:u} by {info.CreatedBy}\tlast used {info.LastUsedAt?.ToString("u") ?? "never"}");
                }

                return 0;
            case ["scim-token", "revoke", "--parent", var parent, "--id", var id, .. var confirm] when Guid.TryParse(id, out var tokenId)
                && confirm is [] or ["--confirm", _]:
                if (await FindParentAsync(services, parent, error) is not { } revokeFor)
                {
                    return 2;
                }

                // The directory's last token, while organizations use directory sync: the prefix, as the portal asks it typed.
                if (await tokens.RevokeAsync(revokeFor, tokenId, actor, confirm is [_, var typed] ? typed : null) is { } notRevoked)
                {
                    await error.WriteLineAsync(notRevoked is TokenRevokeNotConfirmed ? notRevoked.Message + " (--confirm <prefix>)" : notRevoked.Message);
                    return 1;
                }

                await output.WriteLineAsync("Revoked.");
                return 0;
            case ["domain", "list", "--parent", var parent]:
                if (await FindParentAsync(services, parent, error) is not { } domainsOf)
                {
                    return 2;
                }

                await using (var db = await services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync())
                {
                    foreach (var domain in await DomainService.ListAsync(db, domainsOf, CancellationToken.None))
                    {
                        await output.WriteLineAsync($"{domain.Domain}	{domain.Status}	TXT {domain.TxtRecordValue}	{DomainCheckResult.EnglishOf(domain.LastCheckResult)}");
                    }
                }

                return 0;
            case ["outbox", .. var outboxArgs]:
                return await OperatorOutboxCommands.RunAsync(services, outboxArgs, output, error);
            case ["saml", .. var samlArgs]:
                return await OperatorSamlCommands.RunAsync(services, samlArgs, actor, output, error);
            case ["parent-admin", .. var parentAdminArgs]:
                return await OperatorParentAdminCommands.RunAsync(services, parentAdminArgs, output, error);
            default:
                await error.WriteLineAsync("""
                    Usage:
                      operator scim-token create --parent <parent name or id>    prints the new token (shown once)
                      operator scim-token list   --parent <parent name or id>
                      operator scim-token revoke --parent <parent name or id> --id <token id> [--confirm <token prefix>]
                      operator domain list       --parent <parent name or id>    domains, status and the TXT value to publish
                      operator saml import-metadata --parent <parent name or id> (--file <path> | --url <https url>) [--profile entra|okta|google|onelogin|jumpcloud|pingone|adfs]
                      operator saml sp-metadata                                   our SP metadata (needs Portal:PublicBaseUrl)
                      operator parent-admin list   --parent <parent name or id>
                      operator parent-admin grant  --parent <parent name or id> --email <email>   a member of one of its organizations
                      operator parent-admin revoke --parent <parent name or id> --email <email>   never the last one
                      operator outbox list [--unsent]                             emails written, newest first (links shown until sent)
                    Exit codes: 0 done, 2 usage or unknown parent; a refusal: 3 not allowed, 4 not found, 5 conflict, 6 invalid input.
                    """);
                return 2;
        }
    }

    internal static async Task<Guid?> FindParentAsync(IServiceProvider services, string nameOrId, TextWriter error)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
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
                await error.WriteLineAsync($"No parent organization '{nameOrId}'.");
                return null;
            default:
                await error.WriteLineAsync($"Several parent organizations are named '{nameOrId}'. Give its id instead.");
                return null;
        }
    }
}
