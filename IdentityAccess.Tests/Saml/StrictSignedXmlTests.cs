using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>The reference resolver SignedXml uses while verifying, tested on its own (step 6 normally shields it).</summary>
public sealed class StrictSignedXmlTests
{
    private static XmlDocument Document(string body)
    {
        var document = new XmlDocument();
        document.LoadXml($"<root>{body}</root>");
        return document;
    }

    [Fact]
    public void GetIdElement_UniqueId_ResolvesToThatElement()
    {
        var document = Document("<a ID=\"_x\" /><b ID=\"_y\" />");

        var element = new StrictSignedXml(document).GetIdElement(document, "_x");

        Assert.Same(document.DocumentElement!.FirstChild, element);
    }

    [Theory]
    [InlineData("<a ID=\"_x\" /><b ID=\"_x\" />")] // duplicated
    [InlineData("<a ID=\"_x\" /><b Id=\"_x\" />")] // shadowed by another spelling (the default resolver tries Id first)
    [InlineData("<a ID=\"_x\" id=\"_x\" />")] // twice on one element
    [InlineData("<a Id=\"_x\" />")] // only a spelling SAML does not use
    [InlineData("<a />")] // absent
    public void GetIdElement_AmbiguousOrNotSpelledId_ResolvesToNothing(string body)
    {
        var document = Document(body);

        Assert.Null(new StrictSignedXml(document).GetIdElement(document, "_x"));
    }

    [Theory]
    [InlineData("x' or '1'='1")] // would be an XPath injection in a resolver that builds a query
    [InlineData("1abc")] // not an NCName
    [InlineData("")]
    public void GetIdElement_ValueThatIsNotAnNcName_ResolvesToNothing(string id)
    {
        var document = Document("<a ID=\"1abc\" />");

        Assert.Null(new StrictSignedXml(document).GetIdElement(document, id));
    }
}
