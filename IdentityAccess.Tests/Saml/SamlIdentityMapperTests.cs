using IdentityAccess.Core.Saml;

namespace IdentityAccess.Tests.Saml;

public sealed class SamlIdentityMapperTests
{
    private const string ObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string EntraGroups = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    private const string EntraGroupsLink = "http://schemas.microsoft.com/claims/groups.link";
    private const string EntraEmail = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    private const string EntraDisplayName = "http://schemas.microsoft.com/identity/claims/displayname";
    private const string Engineering = "5f2b8c1e-3a4d-4e6f-9b0a-1c2d3e4f5a6b";
    private const string ItAdmins = "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";

    private static SamlAssertion Assertion(string nameIdFormat, string nameId, Dictionary<string, IReadOnlyList<string>> attributes) =>
        new("_a1", "https://sts.windows.net/tenant/", nameId, nameIdFormat, "_s1", DateTimeOffset.UnixEpoch, attributes);

    private static SamlAssertion EntraAssertion(Dictionary<string, IReadOnlyList<string>> attributes) =>
        Assertion(SamlNameIdFormats.EmailAddress, "alice@acme.example", attributes);

    private static Dictionary<string, IReadOnlyList<string>> EntraAttributes() => new()
    {
        [ObjectId] = ["3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"],
        [EntraEmail] = ["alice@acme.example"],
        [EntraDisplayName] = ["Alice Martin"],
        [EntraGroups] = [Engineering, ItAdmins],
    };

    [Fact]
    public void Map_EntraPreset_KeysOnObjectIdAndReadsGroupObjectIds()
    {
        var (identity, error) = SamlIdentityMapper.Map(EntraAssertion(EntraAttributes()), SamlAttributeProfile.EntraId);

        Assert.Null(error);
        Assert.Equal(new SamlIdentity(
            "https://sts.windows.net/tenant/", "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "alice@acme.example", "Alice Martin", identity!.Groups, false), identity);
        Assert.Equal([Engineering, ItAdmins], identity.Groups);
    }

    [Fact]
    public void Map_EntraGroupsOverage_FlaggedWithNoGroups()
    {
        var attributes = EntraAttributes();
        attributes.Remove(EntraGroups);
        attributes[EntraGroupsLink] = ["https://graph.windows.net/tenant/users/3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/getMemberObjects"];

        var (identity, _) = SamlIdentityMapper.Map(EntraAssertion(attributes), SamlAttributeProfile.EntraId);

        Assert.True(identity!.GroupsOverage);
        Assert.Empty(identity.Groups);
    }

    [Fact]
    public void Map_EntraWithoutObjectId_Refused()
    {
        var attributes = EntraAttributes();
        attributes.Remove(ObjectId);

        var (identity, error) = SamlIdentityMapper.Map(EntraAssertion(attributes), SamlAttributeProfile.EntraId);

        Assert.Null(identity);
        Assert.IsType<SamlSubjectMissing>(error);
    }

    [Fact]
    public void Map_SubjectAttributeWithTwoValues_RefusedAsAmbiguous()
    {
        var attributes = EntraAttributes();
        attributes[ObjectId] = ["3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "ffffffff-5a6b-4c7d-8e9f-0a1b2c3d4e5f"];

        var (_, error) = SamlIdentityMapper.Map(EntraAssertion(attributes), SamlAttributeProfile.EntraId);

        Assert.IsType<SamlSubjectAmbiguous>(error);
    }

    [Fact]
    public void Map_OktaPreset_KeysOnPersistentNameIdAndReadsGroupNames()
    {
        var assertion = Assertion(SamlNameIdFormats.Persistent, "00u1a2b3c4d5e6f7g8h9", new()
        {
            ["email"] = ["alice@acme.example"],
            ["displayName"] = ["Alice Martin"],
            ["groups"] = ["Everyone", "engineering", "engineering"],
        });

        var (identity, error) = SamlIdentityMapper.Map(assertion, SamlAttributeProfile.Okta);

        Assert.Null(error);
        Assert.Equal("00u1a2b3c4d5e6f7g8h9", identity!.Subject);
        Assert.Equal("alice@acme.example", identity.Email);
        Assert.Equal("Alice Martin", identity.DisplayName);
        Assert.Equal(["Everyone", "engineering"], identity.Groups);
        Assert.False(identity.GroupsOverage);
    }

    [Fact]
    public void Map_OktaWithoutGroupsAttribute_HasNoGroups()
    {
        // Okta leaves the attribute out when no group matches the filter.
        var assertion = Assertion(SamlNameIdFormats.Persistent, "00u1", new() { ["email"] = ["alice@acme.example"] });

        var (identity, _) = SamlIdentityMapper.Map(assertion, SamlAttributeProfile.Okta);

        Assert.Empty(identity!.Groups);
        Assert.False(identity.GroupsOverage);
    }

    [Theory]
    [InlineData(SamlNameIdFormats.Transient)]
    [InlineData(SamlNameIdFormats.EmailAddress)]
    [InlineData(SamlNameIdFormats.Unspecified)]
    [InlineData(null)]
    public void Map_NameIdKeyThatIsNotPersistent_Refused(string? format)
    {
        var assertion = Assertion(format!, "alice@acme.example", []);

        var (_, error) = SamlIdentityMapper.Map(assertion, SamlAttributeProfile.Okta);

        Assert.IsType<SamlNameIdNotPersistent>(error);
    }

    [Fact]
    public void Map_NoEmailAttribute_FallsBackToAnEmailNameId()
    {
        var attributes = EntraAttributes();
        attributes.Remove(EntraEmail);

        var (identity, _) = SamlIdentityMapper.Map(EntraAssertion(attributes), SamlAttributeProfile.EntraId);

        Assert.Equal("alice@acme.example", identity!.Email);
    }
}
