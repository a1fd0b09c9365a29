namespace IdentityAccess.Core.Organizations;

public enum JoinRequestStatus
{
    /// <summary>Waiting for a parent admin of the parent asked.</summary>
    Pending,

    /// <summary>A parent admin approved: the organization moved under that parent.</summary>
    Approved,

    /// <summary>A parent admin declined.</summary>
    Declined,

    /// <summary>The organization's top role took the request back.</summary>
    Withdrawn,
}
