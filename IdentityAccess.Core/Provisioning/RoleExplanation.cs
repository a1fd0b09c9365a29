using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning;

/// <summary>"Why this role?": one person's outcome and the settings it was computed under.</summary>
public sealed record RoleExplanation(PersonOutcome Outcome, ProvisioningDraft Settings);
