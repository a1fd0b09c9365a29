namespace IdentityAccess.DemoIdp.Push;

/// <summary>What a push sent to the app's SCIM endpoint; <see cref="FirstErrors"/> holds at most five.</summary>
public sealed record DemoIdpPushSummary(int Requests, int UsersCreated, int UsersUpdated, int UsersDeactivated, int UsersDeleted,
    int GroupsCreated, int GroupsUpdated, int GroupsDeleted, int MembersAdded, int MembersRemoved, int ErrorCount, IReadOnlyList<string> FirstErrors)
{
    public static DemoIdpPushSummary Refused(string reason) => new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, [reason]);
}
