namespace IdentityAccess.Core.Audit;

/// <summary>Who did something: a signed-in person, or the system acting on its own (sync, seeding, operator tools).</summary>
public sealed record AuditActor(Guid? PersonId, string Name)
{
    public static AuditActor System(string what) => new(null, what);
}
