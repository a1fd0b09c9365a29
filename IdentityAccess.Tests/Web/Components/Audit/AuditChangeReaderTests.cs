using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Apply;
using IdentityAccess.Core.Roles;
using IdentityAccess.Web.Components.Audit;

namespace IdentityAccess.Tests.Web.Components.Audit;

/// <summary>
/// The reader over the shapes the writers store: built here through <see cref="AuditLog.Create"/> with the writers'
/// own values, so a writer's JSON (enums as numbers or as names, escapes) is the one read.
/// </summary>
public sealed class AuditChangeReaderTests
{
    private static readonly AuditLog _log = new(TimeProvider.System);

    private static AuditChange ReadWritten(string action, object? before, object? after)
    {
        var entry = _log.Create(AuditActor.System("test"), action, "carol@acme.test", before, after);
        return AuditChangeReader.Read(entry.Action, entry.Before, entry.After);
    }

    [Fact]
    public void Read_PlanApplierShape_EnumNumbersReadAsNames_UnchangedLeftOut()
    {
        // PlanApplier: before is MembershipValues (enums serialized as numbers), after adds the engine's reasons.
        var change = ReadWritten("membership.role_changed+tier_changed",
            new MembershipValues(Role.User, SeatTier.Standard, MembershipStatus.Active),
            new { Role = Role.Admin, SeatTier = (SeatTier?)SeatTier.Premium, Status = MembershipStatus.Active, Reasons = new List<string> { "Member of 'admins' → Admin." } });

        Assert.True(change.Readable);
        Assert.Equal(
            [
                new AuditFieldChange("Role", new AuditValue.Text("User"), new AuditValue.Text("Admin")),
                new AuditFieldChange("SeatTier", new AuditValue.Text("Standard"), new AuditValue.Text("Premium")),
                new AuditFieldChange("Reasons", null, new AuditValue.List(["Member of 'admins' → Admin."])),
            ],
            change.Fields);
    }

    [Fact]
    public void Read_StoredNumbersAsTheIssueShowsThem_Named()
    {
        var change = AuditChangeReader.Read("membership.role_changed", """{"Role":5,"SeatTier":1,"Status":3}""", """{"Role":4,"SeatTier":0,"Status":1}""");

        Assert.Equal(
            [
                new AuditFieldChange("Role", new AuditValue.Text("User"), new AuditValue.Text("Claude Code User")),
                new AuditFieldChange("SeatTier", new AuditValue.Text("Standard"), new AuditValue.Text("Premium")),
                new AuditFieldChange("Status", new AuditValue.Status(MembershipStatus.Suspended), new AuditValue.Status(MembershipStatus.PendingSeat)),
            ],
            change.Fields);
    }

    [Fact]
    public void Read_MemberCommandShapes_NamesKept_TierAndSeatTierOneField()
    {
        // MemberAdministration: role_changed and tier_changed, and the removal's Snapshot (Role, Tier, Status as names).
        var role = ReadWritten("membership.role_changed", new { Role = RoleCatalog.DisplayName(Role.User) }, new { Role = RoleCatalog.DisplayName(Role.Admin) });
        var tier = ReadWritten("membership.tier_changed", new { Tier = SeatTier.Standard.ToString() }, new { Tier = SeatTier.Premium.ToString() });
        var removed = ReadWritten("membership.removed",
            new { Role = "Admin", Tier = "Premium", Status = MembershipStatus.PendingSeat.ToString() },
            new { Role = "Admin", Tier = "Premium", Status = MembershipStatus.Removed.ToString() });

        Assert.Equal([new AuditFieldChange("Role", new AuditValue.Text("User"), new AuditValue.Text("Admin"))], role.Fields);
        Assert.Equal([new AuditFieldChange("SeatTier", new AuditValue.Text("Standard"), new AuditValue.Text("Premium"))], tier.Fields);
        Assert.Equal([new AuditFieldChange("Status", new AuditValue.Status(MembershipStatus.PendingSeat), new AuditValue.Status(MembershipStatus.Removed))], removed.Fields);
    }

    [Fact]
    public void Read_SettingsShape_ModeFlagsListsAndNothing_UnescapedArrows()
    {
        // ProvisioningSettingsService's SettingsAudit: the mode's name, the mappings as "group → role" (stored as \u2192).
        var before = """{"Mode":"Manual","AdvancedGroupMappings":false,"RoleMappings":[],"TierMappings":[],"BreakGlass":null,"MembershipChanges":null}""";
        var after = """{"Mode":"Scim","AdvancedGroupMappings":true,"RoleMappings":["g-admins \u2192 Admin"],"TierMappings":[],"BreakGlass":null,"MembershipChanges":3}""";

        var change = AuditChangeReader.Read("provisioning.settings_changed", before, after);

        Assert.Equal(
            [
                new AuditFieldChange("Mode", new AuditValue.Mode(ProvisioningMode.Manual), new AuditValue.Mode(ProvisioningMode.Scim)),
                new AuditFieldChange("AdvancedGroupMappings", new AuditValue.Flag(false), new AuditValue.Flag(true)),
                new AuditFieldChange("RoleMappings", new AuditValue.List([]), new AuditValue.List(["g-admins → Admin"])),
                new AuditFieldChange("MembershipChanges", new AuditValue.None(), new AuditValue.Text("3")),
            ],
            change.Fields);
    }

    [Fact]
    public void Read_Created_FieldsAdded_NothingValuedLeftOut()
    {
        // membership.added of a Console member: no tier, stored as null.
        var change = ReadWritten("membership.added", null, new { Role = "Developer", Tier = (string?)null, Status = "Active" });

        Assert.Equal(
            [
                new AuditFieldChange("Role", null, new AuditValue.Text("Developer")),
                new AuditFieldChange("Status", null, new AuditValue.Status(MembershipStatus.Active)),
            ],
            change.Fields);
        Assert.All(change.Fields, f => Assert.True(f.IsAdded));
    }

    [Fact]
    public void Read_RemovedSide_FieldsRemoved_TextUnescaped()
    {
        // The serializer escapes the apostrophe (\u0027): the reader shows it as typed.
        var change = ReadWritten("parent.admin_revoked", new { Admin = "Carol O'Neil" }, null);

        var field = Assert.Single(change.Fields);
        Assert.True(field.IsRemoved);
        Assert.Equal(new AuditValue.Text("Carol O'Neil"), field.Before);
    }

    [Fact]
    public void Read_StatusOfADomain_ItsOwnEnum_NotAMembershipStatus()
    {
        var change = AuditChangeReader.Read("domain.removed", """{"Status":1,"Members":4}""", null);

        Assert.Equal(new AuditValue.Text("Verified"), change.Fields[0].Before);
        Assert.Equal(new AuditValue.Text("4"), change.Fields[1].Before);
    }

    [Theory]
    [InlineData("""{"Role":42}""", "42")]           // no such role: the number as stored
    [InlineData("""{"Role":"5"}""", "5")]           // a number in a string is not a name
    [InlineData("""{"Role":"admin"}""", "admin")]   // names are matched exactly
    [InlineData("""{"Role":1.5}""", "1.5")]
    public void Read_UnknownEnumValues_KeptAsStored(string before, string shown)
    {
        var change = AuditChangeReader.Read("membership.role_changed", before, null);

        Assert.Equal(new AuditValue.Text(shown), Assert.Single(change.Fields).Before);
    }

    [Fact]
    public void Read_UnknownFieldsAndNestedObjects_KeptByNameAsCompactUnescapedJson()
    {
        var change = AuditChangeReader.Read("sso.sign-in-refused", null, """{"Failure":"BadAudience","Detail":{"Expected":"urn:it\u0027s"}}""");

        Assert.Equal(
            [
                new AuditFieldChange("Failure", null, new AuditValue.Text("BadAudience")),
                new AuditFieldChange("Detail", null, new AuditValue.Text("""{"Expected":"urn:it's"}""")),
            ],
            change.Fields);
    }

    [Theory]
    [InlineData("{not json", null)]
    [InlineData("[1,2]", null)]
    [InlineData("\"just text\"", null)]
    [InlineData("42", null)]
    [InlineData(null, "{\"Role\":")]
    [InlineData("{\"Role\":1}", "}{")]
    public void Read_MalformedOrNotAnObject_Unreadable_NeverThrows(string? before, string? after)
    {
        var change = AuditChangeReader.Read("membership.role_changed", before, after);

        Assert.False(change.Readable);
        Assert.Empty(change.Fields);
    }

    [Fact]
    public void Read_NestedBeyondTheParsersDepth_Unreadable()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);

        Assert.False(AuditChangeReader.Read("x", deep, null).Readable);
    }

    [Fact]
    public void Read_NothingStoredOrNothingDiffers_ReadableAndEmpty()
    {
        Assert.True(AuditChangeReader.Read("domain.added", null, null).IsEmpty);
        Assert.True(AuditChangeReader.Read("membership.role_changed", """{"Role":"Admin"}""", """{"Role":1}""").IsEmpty);
    }

    [Fact]
    public void Read_RepeatedName_FirstKept()
    {
        var change = AuditChangeReader.Read("membership.role_changed", """{"Role":"User","Role":"Owner"}""", """{"Role":"Admin"}""");

        Assert.Equal(new AuditValue.Text("User"), Assert.Single(change.Fields).Before);
    }

    [Fact]
    public void Pretty_IndentedAndUnescaped_TheStoredTextWhenNotJson()
    {
        Assert.Equal("{\n  \"Role\": 5,\n  \"Admin\": \"O'Neil → Ops\"\n}", AuditChangeReader.Pretty("""{"Role":5,"Admin":"O\u0027Neil \u2192 Ops"}""").ReplaceLineEndings("\n"));
        Assert.Equal("{not json", AuditChangeReader.Pretty("{not json"));
        Assert.Equal("", AuditChangeReader.Pretty(null));
    }
}
