using IdentityAccess.Core.People;

namespace IdentityAccess.Tests.Core.People;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("Alice@Acme.Test", "ALICE@ACME.TEST")]
    [InlineData("  alice@acme.test ", "ALICE@ACME.TEST")]
    public void Normalize_CaseAndSpaces_CompareEqual(string email, string expected) =>
        Assert.Equal(expected, EmailAddress.Normalize(email));

    [Theory]
    [InlineData("alice@Acme.TEST", "acme.test")]
    [InlineData("odd@name@sub.acme.test", "sub.acme.test")]
    [InlineData("no-at-sign", "")]
    public void DomainOf_ReturnsLowerCasedPartAfterLastAt(string email, string domain) =>
        Assert.Equal(domain, EmailAddress.DomainOf(email));

    [Theory]
    [InlineData("carol@Acme.TEST", "acme.test")]
    [InlineData("a.b+tag@sub.acme.test", "sub.acme.test")]
    [InlineData("jörg@bücher.de", "xn--bcher-kva.de")] // the form verified domains are stored in
    public void DomainIfWellFormed_Address_ReturnsItsDomainAsVerifiedDomainsAreStored(string email, string domain) =>
        Assert.Equal(domain, EmailAddress.DomainIfWellFormed(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("@acme.test")]
    [InlineData("odd@name@acme.test")] // which domain? none: an ambiguous address belongs to nobody
    [InlineData("carol@acme.test.")]
    [InlineData("carol@acme")]
    [InlineData("carol@10.0.0.1")]
    [InlineData(" carol@acme.test")]
    [InlineData("carol smith@acme.test")]
    [InlineData("carol@acme.test\n")]
    public void DomainIfWellFormed_Malformed_Null(string? email) => Assert.Null(EmailAddress.DomainIfWellFormed(email));

    [Fact]
    public void DomainIfWellFormed_LocalPartOver64_Null() => Assert.Null(EmailAddress.DomainIfWellFormed(new string('a', 65) + "@acme.test"));

    [Fact]
    public void Create_KeepsDisplayedCaseAndNormalizesForComparison()
    {
        var person = Person.Create(" Alice@Acme.Test", "Alice", DateTimeOffset.UnixEpoch);

        Assert.Equal("Alice@Acme.Test", person.Email);
        Assert.Equal("ALICE@ACME.TEST", person.NormalizedEmail);
    }

    [Fact]
    public void Normalize_Blank_Throws() => Assert.Throws<ArgumentException>(() => EmailAddress.Normalize(" "));
}
