using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning.Safety;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>
/// What <see cref="HeldChangesPanel"/> shows and does, for one organization and the person looking: its open held
/// top-role changes (null when that person may not see them) and the two decisions, each checked again by Core.
/// </summary>
public sealed class HeldChangesState(HeldTopRoleChangeService service, Guid organizationId, Guid actingPersonId)
{
    public Guid OrganizationId => organizationId;

    public HeldTopRoleChangeList? List { get; private set; }

    /// <summary>The last refusal of Keep, shown in the panel (Apply shows its own in its dialog).</summary>
    public Error? Refusal { get; private set; }

    public bool Busy { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken = default) =>
        List = await service.ListAsync(organizationId, actingPersonId, cancellationToken);

    /// <summary>Shows what was read before (in the prerender) instead of reading it.</summary>
    public void Show(HeldTopRoleChangeList? list) => List = list;

    /// <summary>Applies what the IdP asked; the typed email confirms it. Reloads when done.</summary>
    public async Task<Error?> ApplyAsync(Guid heldChangeId, string typedEmail) =>
        await RunAsync(() => service.ApplyAsync(organizationId, heldChangeId, typedEmail, actingPersonId));

    /// <summary>Keeps the person as they are. Reloads when done.</summary>
    public async Task<Error?> KeepAsync(Guid heldChangeId) => Refusal = await RunAsync(() => service.KeepAsync(organizationId, heldChangeId, actingPersonId));

    private async Task<Error?> RunAsync(Func<Task<Error?>> decide)
    {
        Busy = true;
        try
        {
            var refused = await decide();
            if (refused is null)
            {
                await LoadAsync();
            }

            return refused;
        }
        finally
        {
            Busy = false;
        }
    }
}
