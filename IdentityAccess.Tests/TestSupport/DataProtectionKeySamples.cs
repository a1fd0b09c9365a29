using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>Data Protection key elements as the key manager writes them.</summary>
public static class DataProtectionKeySamples
{
    /// <summary>A real key written with nothing to encrypt it: its secret in plain text.</summary>
    public static XElement Plain()
    {
        var captured = new CapturingRepository();
        using var services = new ServiceCollection().AddDataProtection().AddKeyManagementOptions(o => o.XmlRepository = captured).Services.BuildServiceProvider();
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sample").Protect("sample");
        return Assert.Single(captured.Elements);
    }

    /// <summary>The shape of a key whose secret an XML encryptor replaced (what a certificate produces).</summary>
    public static XElement Encrypted() => XElement.Parse($"""
        <key id="{Guid.NewGuid()}" version="1"><descriptor><encryptedSecret decryptorType="Microsoft.AspNetCore.DataProtection.XmlEncryption.EncryptedXmlDecryptor"
        xmlns="http://schemas.asp.net/2015/03/dataProtection"><EncryptedData xmlns="http://www.w3.org/2001/04/xmlenc#" /></encryptedSecret></descriptor></key>
        """);

    private sealed class CapturingRepository : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => Elements;

        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }
}
