namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>How the dry-run routes describe their paging parameters, said once for both.</summary>
internal static class ApiDryRunPaging
{
    public const string PagingText = " Each kind of change lists its first `limit` people (1000 by default) with its whole `count`; `nextCursor`, when " +
        "set, is sent back as `cursor` with the same body for the next people of this same dry run.";

    public const string LimitText = "How many people of each kind of change (and of the held changes) to list: 1 to 5000, 1000 if not sent. " +
        "The counts are always whole.";

    public const string CursorText = "The `nextCursor` of the previous page of the same dry run, sent with the same body. If the directory or the " +
        "settings changed since, the answer is 409 `DryRunChangedWhilePaging` with the new dry run's first page.";
}
