namespace IdentityAccess.Core.Access;

public enum AccessOutcome
{
    Granted,

    /// <summary>The organization exists but this person may not do this there.</summary>
    Forbidden,

    /// <summary>No such organization, or one the person is not a member of is indistinguishable from it.</summary>
    NotFound,
}
