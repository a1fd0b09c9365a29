namespace IdentityAccess.Core.Provisioning.Drafts;

/// <summary>
/// One person's unsaved Identity and access settings for one organization, kept on the server so that leaving or
/// reloading the page (the help article's step 3: assign everyone in the IdP before saving) does not lose them.
/// Private to the person: nobody else reads it, and nothing is provisioned from it until they press Save changes.
/// </summary>
public sealed class UnsavedSettingsDraft
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrganizationId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary>The form as JSON (<see cref="SettingsDraftContent"/>): mode, mappings toggle, role and tier mappings, break-glass owner.</summary>
    public string Content { get; set; } = "";

    /// <summary>The saved settings' version the draft started from, to tell the person when someone else saved since.</summary>
    public int StartedFromVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
