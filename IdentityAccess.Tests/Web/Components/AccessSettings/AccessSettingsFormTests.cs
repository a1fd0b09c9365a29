using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>When the page says "don't save yet, assign people in your IdP first", and when Save changes has anything to save.</summary>
public sealed class AccessSettingsFormTests
{
    private static readonly ProvisioningDraft _scimWithMappings =
        new(ProvisioningMode.Scim, true, [new RoleMapping("owners", Role.Owner)], [], null, 3);

    [Fact]
    public void Unchanged_NothingToSave_NoWarning()
    {
        var form = AccessSettingsForm.From(_scimWithMappings);

        Assert.False(form.DiffersFrom(_scimWithMappings));
        Assert.False(form.ChangesWhoTheIdPProvisions(_scimWithMappings));
    }

    [Fact]
    public void ManualToScim_Warns()
    {
        var form = AccessSettingsForm.From(ProvisioningDraft.Manual());
        form.Mode = ProvisioningMode.Scim;

        Assert.True(form.ChangesWhoTheIdPProvisions(ProvisioningDraft.Manual()));
    }

    [Fact]
    public void AMappingAdded_Warns_ButBackToManual_DoesNot()
    {
        var form = AccessSettingsForm.From(_scimWithMappings);
        form.AddRole(Role.Admin, "admins");
        Assert.True(form.ChangesWhoTheIdPProvisions(_scimWithMappings));

        form.Mode = ProvisioningMode.Manual; // Manual provisions nobody: the review dialog says what it removes
        Assert.False(form.ChangesWhoTheIdPProvisions(_scimWithMappings));
        Assert.True(form.DiffersFrom(_scimWithMappings));
    }

    [Fact]
    public void OnlyTheBreakGlassOwnerChanged_SavesWithoutTheWarning()
    {
        var form = AccessSettingsForm.From(_scimWithMappings);
        form.BreakGlassPersonId = Guid.NewGuid();

        Assert.True(form.DiffersFrom(_scimWithMappings));
        Assert.False(form.ChangesWhoTheIdPProvisions(_scimWithMappings));
    }
}
