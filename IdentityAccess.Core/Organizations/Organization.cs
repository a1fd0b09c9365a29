using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Core.Organizations;

/// <summary>An organization joined to a parent: its own product, provisioning settings, seats and members.</summary>
public sealed class Organization
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes when the organization joins another parent or leaves one (it then gets a parent of its own).</summary>
    public Guid ParentOrganizationId { get; set; }

    public ParentOrganization? Parent { get; set; }

    public required string Name { get; set; }

    /// <summary>Changed by the billing stand-in on the parent page, with the parent's plan.</summary>
    public OrganizationPlan Plan { get; set; }

    public Product Product => Plan == OrganizationPlan.Console ? Product.Console : Product.Chat;

    public ProvisioningMode ProvisioningMode { get; set; } = ProvisioningMode.Manual;

    public bool AdvancedGroupMappingsEnabled { get; set; }

    /// <summary>Exempt from sync and mappings, so an owner can always get back in.</summary>
    public Guid? BreakGlassPersonId { get; set; }

    /// <summary>Raised on every settings save so a stale draft cannot overwrite a newer one.</summary>
    public int SettingsVersion { get; set; } = 1;

    /// <summary>
    /// Set to a fresh random value by database triggers whenever what a reconcile reads of this organization changes (its
    /// mode, plan, name, mappings, seat pools, break-glass person): the SCIM writer's cached copy is checked against it.
    /// Random, not counted, so a stamp from a transaction that rolled back is never met again.
    /// </summary>
    public long ConfigurationStamp { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
