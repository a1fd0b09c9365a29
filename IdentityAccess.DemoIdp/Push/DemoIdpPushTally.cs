namespace IdentityAccess.DemoIdp.Push;

/// <summary>Counts what a push did while it runs; becomes the <see cref="DemoIdpPushSummary"/>.</summary>
internal sealed class DemoIdpPushTally
{
    private const int MaxErrorsKept = 5;
    private readonly List<string> _errors = [];

    public int Requests { get; set; }
    public int UsersCreated { get; set; }
    public int UsersUpdated { get; set; }
    public int UsersDeactivated { get; set; }
    public int UsersDeleted { get; set; }
    public int GroupsCreated { get; set; }
    public int GroupsUpdated { get; set; }
    public int GroupsDeleted { get; set; }
    public int MembersAdded { get; set; }
    public int MembersRemoved { get; set; }
    public int ErrorCount { get; private set; }

    public void Fail(string error)
    {
        ErrorCount++;
        if (_errors.Count < MaxErrorsKept)
        {
            _errors.Add(error);
        }
    }

    public DemoIdpPushSummary ToSummary() => new(Requests, UsersCreated, UsersUpdated, UsersDeactivated, UsersDeleted,
        GroupsCreated, GroupsUpdated, GroupsDeleted, MembersAdded, MembersRemoved, ErrorCount, [.. _errors]);
}
