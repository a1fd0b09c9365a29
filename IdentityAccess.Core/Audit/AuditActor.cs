namespace IdentityAccess.Core.Audit;

/// <summary>Who did something: a signed-in person, or the system acting on its own (sync, seeding, operator tools).</summary>
public sealed record AuditActor(Guid? PersonId, string Name)
{
    /// <summary>
    /// The management API key the person acted through, as the log names keys ("terraform (0123456789ab)"); null in the
    /// portal. A key acts as its creator, so without it the log could not tell a script's change from theirs.
    /// </summary>
    public string? ViaApiKey { get; init; }

    public static AuditActor System(string what) => new(null, what);
}
