using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The dry run shown before anything is saved: what would happen to whom, what refuses the save, and the number
/// the owner must type when others would lose access or rank (0 when no confirmation is needed).
/// </summary>
public sealed record ProvisioningPreview(ProvisioningPlan? Plan, IReadOnlyList<Error> Errors, int AffectedOthers)
{
    public bool CanSave => Errors.Count == 0 && Plan is not null;

    public bool NeedsTypedConfirmation => AffectedOthers > 0;
}
