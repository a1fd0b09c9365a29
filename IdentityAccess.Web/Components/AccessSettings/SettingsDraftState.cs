using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Drafts;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>
/// The acting person's kept draft of one organization's settings, for <see cref="SettingsDraftKeeper"/>: looked for
/// once when the page opens, then kept after each change of the form, and discarded on request.
/// </summary>
public sealed class SettingsDraftState(SettingsDraftService drafts, Guid organizationId, Guid personId)
{
    private ProvisioningDraft? _kept; // what the server holds, or the saved settings when it holds nothing
    private bool _keeping;

    /// <summary>Whether the kept draft has been looked for: nothing is kept before, or the form's first state would replace it.</summary>
    public bool Restored { get; private set; }

    /// <summary>The form came back from a draft kept on an earlier visit.</summary>
    public bool CameBack { get; private set; }

    /// <summary>Someone saved the settings after the kept draft was started.</summary>
    public bool SavedSinceStarted { get; private set; }

    /// <summary>Why the last change could not be kept, if it could not.</summary>
    public Error? Refusal { get; private set; }

    /// <returns>The kept draft to show instead of the saved settings, or null.</returns>
    public async Task<ProvisioningDraft?> RestoreAsync(ProvisioningDraft saved)
    {
        var kept = await drafts.ReadAsync(organizationId, personId);
        Restored = true;
        if (kept is null)
        {
            _kept = saved;
            return null;
        }

        (CameBack, SavedSinceStarted) = (true, kept.SavedSinceStarted);
        // Reviewed and saved against what is saved now: the review shows the differences from today's settings.
        _kept = kept.Draft with { BaseVersion = saved.BaseVersion };
        return _kept;
    }

    /// <summary>
    /// Keeps the form when it says something else than what was last kept. A change made while a write is under way is
    /// picked up by that write's loop, so writes never overlap and the last state always reaches the server.
    /// </summary>
    public async Task KeepAsync(Func<ProvisioningDraft> current)
    {
        if (!Restored || _keeping)
        {
            return;
        }

        _keeping = true;
        try
        {
            while (current() is var draft && (_kept is null || !draft.HasSameSettingsAs(_kept)))
            {
                Refusal = await drafts.KeepAsync(organizationId, draft, personId);
                _kept = draft;
            }
        }
        finally
        {
            _keeping = false;
        }
    }

    public async Task<Error?> DiscardAsync(ProvisioningDraft saved)
    {
        Refusal = await drafts.DiscardAsync(organizationId, personId);
        if (Refusal is null)
        {
            (_kept, CameBack, SavedSinceStarted) = (saved, false, false);
        }

        return Refusal;
    }
}
