using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// <c>operator parent-admin list|grant|revoke</c>: who administers a parent, for recovery when no admin is left who can
/// sign in. The same commands as the parent page, run through the operator's guarded write and audited as the operator.
/// </summary>
internal static class OperatorParentAdminCommands
{
    public static OperatorCommand? Parse(string[] args) => args switch
    {
        ["list", "--parent", var parent] => new(context => ListAsync(context, parent)),
        ["grant", "--parent", var parent, "--email", var email] => new(context => ChangeAsync(context, parent, email, grant: true)),
        ["revoke", "--parent", var parent, "--email", var email] => new(context => ChangeAsync(context, parent, email, grant: false)),
        _ => null,
    };

    private static async Task<int> ListAsync(OperatorContext context, string parent)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        return await context.Console.ListAsync(await context.Get<ParentAdministration>().ListAsOperatorAsync(parentId),
            admin => new { admin.PersonId, admin.Email, admin.DisplayName, admin.GrantedAt, admin.GrantedBy },
            admin => $"{admin.Email}\t{admin.DisplayName}\tsince {admin.GrantedAt:u} by {admin.GrantedBy}");
    }

    private static async Task<int> ChangeAsync(OperatorContext context, string parent, string email, bool grant)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        var administration = context.Get<ParentAdministration>();
        var refused = grant ? await administration.GrantAsOperatorAsync(parentId, email) : await administration.RevokeAsOperatorAsync(parentId, email);
        if (refused is not null)
        {
            return await context.Console.RefusedAsync(refused, $"Refused ({Category(refused.Category)}): {refused.Message}");
        }

        return await context.Console.AnswerAsync(new { result = grant ? "granted" : "revoked", email },
            grant ? $"{email} is now an admin of the parent organization." : $"{email} is no longer an admin of the parent organization.");
    }

    private static string Category(RefusalCategory category) => category switch
    {
        RefusalCategory.NotAllowed => "not allowed",
        RefusalCategory.NotFound => "not found",
        RefusalCategory.Conflict => "conflict",
        RefusalCategory.InvalidInput => "invalid input",
    };
}
