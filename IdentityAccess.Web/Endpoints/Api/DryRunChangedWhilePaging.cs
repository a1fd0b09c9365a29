using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A later page of a dry run asked for after the directory or the settings changed: its people would belong to another
/// dry run than the pages already read, so the caller starts again from the new one's first page (sent with the refusal).
/// </summary>
internal sealed record DryRunChangedWhilePaging()
    : ConflictError("The directory or the settings changed since the first page of this dry run, so its later pages would not match the " +
        "earlier ones. The new dry run's first page is attached: page through it again from there.");
