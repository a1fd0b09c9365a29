namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// One page of "known to your IdP, not members": the people whose name or email contains <see cref="Search"/>
/// (ignoring case), <see cref="PageSize"/> of them from <see cref="Skip"/> in email order. Out-of-range input is
/// brought into range rather than refused: a search box and a next button cannot ask for anything harmful.
/// </summary>
public sealed record NotMembersQuery
{
    public const int PageSize = 50;

    /// <summary>Longer than any name or email the directory holds: more says nothing the first 200 characters do not.</summary>
    public const int SearchMaxLength = 200;

    public NotMembersQuery(string? search = null, int skip = 0)
    {
        var trimmed = search?.Trim() ?? "";
        Search = trimmed.Length > SearchMaxLength ? trimmed[..SearchMaxLength] : trimmed;
        Skip = Math.Max(0, skip);
    }

    public static NotMembersQuery FirstPage { get; } = new();

    /// <summary>Empty when everyone is listed.</summary>
    public string Search { get; }

    public int Skip { get; }

    public bool IsSearch => Search.Length > 0;

    public NotMembersQuery Next => new(Search, Skip + PageSize);

    public NotMembersQuery Previous => new(Search, Skip - PageSize);
}
