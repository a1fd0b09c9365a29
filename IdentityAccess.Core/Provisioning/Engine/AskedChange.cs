namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// What the rules would have done to a person had it not left the organization without an active top-role member:
/// the held change, as the IdP asked for it.
/// </summary>
public sealed record AskedChange(DesiredMembership? Desired, IReadOnlyList<ChangeKind> Changes, IReadOnlyList<OutcomeReason> Reasons, bool AtNextSignIn);
