namespace IdentityAccess.Web.Components.Audit;

/// <summary>
/// What an audit entry changed, field by field (unchanged fields left out), or <see cref="Readable"/> false when its
/// stored JSON is not an object the reader knows: the page then shows the stored text as it is.
/// </summary>
public sealed record AuditChange(bool Readable, IReadOnlyList<AuditFieldChange> Fields)
{
    public static AuditChange Unreadable { get; } = new(false, []);

    /// <summary>Both sides were read and no field differs (or nothing was stored): nothing to show but the raw record.</summary>
    public bool IsEmpty => Readable && Fields.Count == 0;
}
