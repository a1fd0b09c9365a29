using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Operator;

/// <summary><c>operator scim-token create|list|revoke</c>: the bearer tokens of a parent's SCIM directory.</summary>
internal static class OperatorScimTokenCommands
{
    public static OperatorCommand? Parse(string[] args) => args switch
    {
        ["create", "--parent", var parent] => new(context => CreateAsync(context, parent)),
        ["list", "--parent", var parent] => new(context => ListAsync(context, parent)),
        ["revoke", "--parent", var parent, "--id", var id, .. var confirm] when Guid.TryParse(id, out var tokenId) && confirm is [] or ["--confirm", _] =>
            new(context => RevokeAsync(context, parent, tokenId, confirm is [_, var typed] ? typed : null)),
        _ => null,
    };

    private static async Task<int> CreateAsync(OperatorContext context, string parent)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        var (token, refused) = await context.Get<ScimTokenService>().GenerateAsync(parentId, context.Actor);
        return refused is not null
            ? await context.Console.RefusedAsync(refused)
            : await context.Console.AnswerAsync(new { token!.Id, token.Prefix, token.Secret }, token.Secret);
    }

    private static async Task<int> ListAsync(OperatorContext context, string parent)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        return await context.Console.ListAsync(await context.Get<ScimTokenService>().ListActiveAsync(parentId),
            info => new { info.Id, info.Prefix, info.CreatedAt, info.CreatedBy, info.LastUsedAt },
            info => $"{info.Id}\t{info.Prefix}…\tcreated {info.CreatedAt:u} by {info.CreatedBy}\tlast used {info.LastUsedAt?.ToString("u") ?? "never"}");
    }

    private static async Task<int> RevokeAsync(OperatorContext context, string parent, Guid tokenId, string? confirmation)
    {
        if (await context.FindParentAsync(parent) is not { } parentId)
        {
            return OperatorExitCodes.NotFound;
        }

        // The directory's last token, while organizations use directory sync: the prefix, as the portal asks it typed.
        if (await context.Get<ScimTokenService>().RevokeAsync(parentId, tokenId, context.Actor, confirmation) is { } notRevoked)
        {
            return await context.Console.RefusedAsync(notRevoked, notRevoked is TokenRevokeNotConfirmed ? notRevoked.Message + " (--confirm <prefix>)" : null);
        }

        return await context.Console.AnswerAsync(new { result = "revoked", tokenId }, "Revoked.");
    }
}
