using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The one write path of the SCIM endpoint: single requests and /Bulk operations are both parsed into a
/// <see cref="ScimWrite"/> and applied here, through the same service calls, so the directory boundary (the parent is
/// the token's), the ownership and uniqueness rules, the audit, the reconcile and the provisioning-log notes are the
/// same whichever way a write arrives.
/// </summary>
internal sealed class ScimWriteDispatcher(ScimUserService users, ScimGroupService groups)
{
    public async Task<ScimWriteResult> ApplyAsync(Guid parentId, ScimWrite write, string baseUrl, CancellationToken ct)
    {
        // write.Version (If-Match, or a Bulk operation's version) is checked by the service inside the write (RFC 7644 §3.14).
        var method = write.Method.ToUpperInvariant();
        return (write.Kind, method) switch
        {
            (ScimResourceKind.User, "POST") => new(StatusCodes.Status201Created, await users.CreateAsync(parentId, Data(write), baseUrl, cancellationToken: ct)),
            (ScimResourceKind.User, "PUT") => new(StatusCodes.Status200OK, await users.ReplaceAsync(parentId, Id(write), Data(write), baseUrl, ifMatch: write.Version, cancellationToken: ct)),
            (ScimResourceKind.User, "PATCH") => new(StatusCodes.Status200OK, await users.PatchAsync(parentId, Id(write), Data(write), baseUrl, ifMatch: write.Version, cancellationToken: ct)),
            (ScimResourceKind.User, "DELETE") => await DeletedAsync(users.DeleteAsync(parentId, Id(write), ifMatch: write.Version, cancellationToken: ct)),
            (ScimResourceKind.Group, "POST") => new(StatusCodes.Status201Created, await groups.CreateAsync(parentId, Data(write), baseUrl, cancellationToken: ct)),
            (ScimResourceKind.Group, "PUT") => new(StatusCodes.Status200OK, await groups.ReplaceAsync(parentId, Id(write), Data(write), baseUrl, ifMatch: write.Version, cancellationToken: ct)),
            // 204: Entra and Okta need no members dump back, and a 10,000-member group would make a large one.
            (ScimResourceKind.Group, "PATCH") => new(StatusCodes.Status204NoContent, await groups.PatchAsync(parentId, Id(write), Data(write), baseUrl, ifMatch: write.Version, cancellationToken: ct)),
            (ScimResourceKind.Group, "DELETE") => await DeletedAsync(groups.DeleteAsync(parentId, Id(write), ifMatch: write.Version, cancellationToken: ct)),
            _ => throw new ScimException(StatusCodes.Status405MethodNotAllowed, null, $"{write.Method} is not a SCIM write."),
        };
    }

    private static async Task<ScimWriteResult> DeletedAsync(Task delete)
    {
        await delete;
        return new ScimWriteResult(StatusCodes.Status204NoContent, null);
    }

    private static Guid Id(ScimWrite write) => write.Id ?? throw ScimException.InvalidPath($"{write.Method} needs a resource id: {ScimWrite.Endpoint(write.Kind)}/{{id}}.");

    private static JsonObject Data(ScimWrite write) => write.Data ?? throw ScimException.InvalidSyntax($"{write.Method} needs a JSON object body.");
}
