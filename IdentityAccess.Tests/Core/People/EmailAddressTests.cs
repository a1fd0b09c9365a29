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
