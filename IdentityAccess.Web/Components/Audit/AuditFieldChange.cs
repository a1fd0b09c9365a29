namespace IdentityAccess.Web.Components.Audit;

/// <summary>
/// One field of an audit entry: its name as stored (<c>Role</c>, <c>SeatTier</c>…) and its value before and after;
/// null on a side means the field is not on that side (added or removed), not that it was stored as null.
/// </summary>
public sealed record AuditFieldChange(string Field, AuditValue? Before, AuditValue? After)
{
    public bool IsAdded => Before is null;

    public bool IsRemoved => After is null;
}
