using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>The answer to applying or discarding the held changes: how many, or why not (nothing changed then).</summary>
public sealed record HeldChangesDecision(int Count, Error? Refusal)
{
    public static HeldChangesDecision Refused(Error refusal) => new(0, refusal);
}
