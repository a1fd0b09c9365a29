using IdentityAccess.Core.Saml;

namespace IdentityAccess.Tests.Saml;

public sealed class IdpMetadataReaderTests
{
    [Fact]
    public void Read_EntraLikeMetadata_ReturnsEntityIdRedirectUrlAndBothRolloverCertificates()
    {
        var (metadata, error) = IdpMetadataReader.Read(IdpMetadataSamples.Entra(SamlTestKeys.Idp, SamlTestKeys.IdpNext));

        Assert.Null(error);
        Assert.Equal(IdpMetadataSamples.EntraEntityId, metadata!.EntityId);
        Assert.Equal(new Uri(IdpMetadataSamples.EntraSsoUrl), metadata.SingleSignOnUrl);
        Assert.Equal([SamlTestKeys.Idp.Thumbprint, SamlTestKeys.IdpNext.Thumbprint], metadata.SigningCertificates.Select(c => c.Thumbprint));
        Assert.All(metadata.SigningCertificates, c => Assert.False(c.HasPrivateKey));
    }

    [Fact]
    public void Read_OktaLikeMetadata_PicksTheRedirectBindingAndTheWrappedCertificate()
    {
        var (metadata, error) = IdpMetadataReader.Read(IdpMetadataSamples.Okta(SamlTestKeys.Idp));

        Assert.Null(error);
        Assert.Equal(IdpMetadataSamples.OktaEntityId, metadata!.EntityId);
        Assert.Equal(new Uri(IdpMetadataSamples.OktaSsoUrl), metadata.SingleSignOnUrl);
        Assert.Equal(SamlTestKeys.Idp.Thumbprint, Assert.Single(metadata.SigningCertificates).Thumbprint);
    }

    [Fact]
    public void Read_SameCertificateListedTwice_KeptOnce()
    {
        var (metadata, _) = IdpMetadataReader.Read(IdpMetadataSamples.Entra(SamlTestKeys.Idp, SamlTestKeys.Idp));

        Assert.Single(metadata!.SigningCertificates);
    }

    [Fact]
    public async Task Read_ThenValidate_AcceptsAResponseSignedByThatIdp()
    {
        var (metadata, _) = IdpMetadataReader.Read(IdpMetadataSamples.Okta(SamlTestKeys.Idp));
        var scenario = new SamlScenario();
        scenario.IdentityProvider = metadata!.ToConnection(SamlAttributeProfile.Okta);

        var result = await scenario.ValidateAsync(scenario.Signer.CreateBase64(scenario.Content with { Issuer = metadata.EntityId }));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public void Read_1024BitKey_RefusedWithItsSize()
    {
        var (metadata, error) = IdpMetadataReader.Read(IdpMetadataSamples.Okta(SamlTestKeys.Weak));

        Assert.Null(metadata);
        var tooSmall = Assert.IsType<MetadataKeyTooSmall>(error);
        Assert.Equal(1024, tooSmall.Bits);
    }

    [Fact]
    public void Read_EcdsaKey_Refused()
    {
        var (_, error) = IdpMetadataReader.Read(IdpMetadataSamples.Okta(SamlTestKeys.EcdsaCertificate()));

        Assert.IsType<MetadataKeyNotRsa>(error);
    }

    [Fact]
    public void Read_OnlyAnEncryptionKey_RefusedAsHavingNoSigningCertificate()
    {
        var (_, error) = IdpMetadataReader.Read(IdpMetadataSamples.Okta(SamlTestKeys.Idp, keyUse: "encryption"));

        Assert.IsType<MetadataMissingSigningCertificate>(error);
    }

    [Fact]
    public void Read_OnlyThePostBinding_Refused()
    {
        var (_, error) = IdpMetadataReader.Read(IdpMetadataSamples.Okta(SamlTestKeys.Idp, bindings: "POST only"));

        Assert.IsType<MetadataMissingRedirectBinding>(error);
    }

    [Theory]
    [InlineData("<!DOCTYPE md:EntityDescriptor>")]
    [InlineData("<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")]
    [InlineData("<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">")]
    public void Read_Doctype_Refused(string doctype)
    {
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.Idp).Replace("<md:EntityDescriptor", doctype + "<md:EntityDescriptor", StringComparison.Ordinal);

        var (_, error) = IdpMetadataReader.Read(xml);

        Assert.IsType<MetadataHasDocumentType>(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://login.microsoftonline.com/federationmetadata.xml")] // the URL pasted instead of the file
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">")]
    public void Read_NotXml_Refused(string text)
    {
        var (_, error) = IdpMetadataReader.Read(text);

        Assert.IsType<MetadataUnreadable>(error);
    }

    [Fact]
    public void Read_DeeplyNested_Refused()
    {
        var nested = string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100));
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.Idp).Replace("</md:IDPSSODescriptor>", nested + "</md:IDPSSODescriptor>", StringComparison.Ordinal);

        var (_, error) = IdpMetadataReader.Read(xml);

        Assert.IsType<MetadataUnreadable>(error);
    }

    [Theory]
    [InlineData("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" />")]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" />")] // no entityID
    [InlineData("<md:EntityDescriptor entityID=\"urn:sp\" xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\" /></md:EntityDescriptor>")]
    public void Read_NotOneIdentityProvider_Refused(string xml)
    {
        var (_, error) = IdpMetadataReader.Read(xml);

        Assert.IsType<MetadataNotAnIdentityProvider>(error);
    }

    [Fact]
    public void Read_CertificateThatIsNotBase64_Refused()
    {
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.Idp).Replace("<ds:X509Certificate>", "<ds:X509Certificate>!!", StringComparison.Ordinal);

        var (_, error) = IdpMetadataReader.Read(xml);

        Assert.IsType<MetadataCertificateUnreadable>(error);
    }
}
