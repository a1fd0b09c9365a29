using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// Each preset against an assertion of its IdP's shape (<see cref="IdpAssertionShapes"/>), signed, validated by the SP
/// and read with the preset's names: the right subject, email, names and groups, and the groups' format.
/// </summary>
public sealed class SamlAttributePresetTests
{
    public static TheoryData<SamlAttributePreset> Presets() => [.. SamlAttributePresets.All];

    [Theory]
    [MemberData(nameof(Presets))]
    public async Task Map_AssertionOfTheIdPsShape_ReadsSubjectEmailNamesAndGroups(SamlAttributePreset preset)
    {
        var shape = IdpAssertionShapes.For(preset);
        var scenario = new SamlScenario();
        var response = SamlScenario.Encode(scenario.SignedDocument(scenario.Content with
        {
            NameId = shape.NameId,
            NameIdFormat = shape.NameIdFormat,
            Attributes = shape.Attributes,
        }));
        var validated = await scenario.ValidateAsync(response);
        Assert.True(validated.Succeeded, validated.Rejection?.Message);

        var profile = SamlAttributePresets.Profile(preset);
        var (identity, error) = SamlIdentityMapper.Map(validated.Assertion, profile);

        Assert.Null(error);
        Assert.Equal((shape.Subject, shape.Email, shape.GivenName, shape.FamilyName, shape.DisplayName),
            (identity!.Subject, identity.Email, identity.GivenName, identity.FamilyName, identity.DisplayName));
        Assert.Equal(shape.Groups, identity.Groups);
        Assert.Equal(shape.GroupsFormat, profile.GroupsFormat);
        Assert.False(identity.GroupsOverage);
    }

    [Fact]
    public void Presets_EveryOneIsOfferedAndHasAnEmailAndASubject()
    {
        Assert.Equal(Enum.GetValues<SamlAttributePreset>().Order(), SamlAttributePresets.All.Order());
        Assert.All(SamlAttributePresets.All, p => Assert.Null(SamlAttributePresets.Names(p).Check()));
    }

    [Fact]
    public void Map_OktaWithAnEmailNameId_RefusedBecauseTheSubjectWouldChange()
    {
        var shape = IdpAssertionShapes.For(SamlAttributePreset.Okta);
        var assertion = new SamlAssertion("_a", SamlScenario.IdpEntityId, "ben.ortiz@contoso.example", SamlNameIdFormats.EmailAddress, null,
            SamlScenario.Now, shape.Attributes);

        var (identity, error) = SamlIdentityMapper.Map(assertion, SamlAttributePresets.Profile(SamlAttributePreset.Okta));

        Assert.Null(identity);
        Assert.IsType<SamlNameIdNotPersistent>(error);
    }

    [Fact]
    public void Map_EntraWithTooManyGroups_FlagsTheOverage()
    {
        var shape = IdpAssertionShapes.For(SamlAttributePreset.EntraId);
        var attributes = new Dictionary<string, IReadOnlyList<string>>(shape.Attributes);
        attributes.Remove("http://schemas.microsoft.com/ws/2008/06/identity/claims/groups");
        attributes["http://schemas.microsoft.com/claims/groups.link"] = ["https://graph.microsoft.com/v1.0/users/5d8f2c41/getMemberObjects"];
        var assertion = new SamlAssertion("_a", SamlScenario.IdpEntityId, shape.NameId, shape.NameIdFormat, null, SamlScenario.Now, attributes);

        var (identity, _) = SamlIdentityMapper.Map(assertion, SamlAttributePresets.Profile(SamlAttributePreset.EntraId));

        Assert.True(identity!.GroupsOverage);
        Assert.Empty(identity.Groups);
    }
}
