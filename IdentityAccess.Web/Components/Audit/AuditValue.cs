using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Components.Audit;

/// <summary>
/// One value of an audit entry's before or after, as <see cref="AuditChangeReader"/> understood it: what is a product
/// word (a role or tier name) stays text; what is worded in the reader's language (a status, a mode, yes/no, nothing)
/// keeps its code for <see cref="AuditChangeWords"/>.
/// </summary>
public abstract record AuditValue
{
    /// <summary>Shown as stored, unescaped: role and tier names, numbers, addresses, dates, unknown values.</summary>
    public sealed record Text(string Value) : AuditValue;

    public sealed record Status(MembershipStatus Value) : AuditValue;

    public sealed record Mode(ProvisioningMode Value) : AuditValue;

    public sealed record Flag(bool Value) : AuditValue;

    public sealed record List(IReadOnlyList<string> Items) : AuditValue
    {
        public bool Equals(List? other) => other is not null && Items.SequenceEqual(other.Items);

        public override int GetHashCode() => Items.Count;
    }

    /// <summary>A field stored as null (no tier, no break-glass owner).</summary>
    public sealed record None : AuditValue;
}
