namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Where the clock of a test that needs "about now" starts (its certificates and metadata are dated by the real clock:
/// <see cref="Saml.SamlTestKeys"/> are valid from a day back to a year on): the real time the test process first asked,
/// in whole seconds (SQLite keeps a time to 100 µs and PostgreSQL to 1 µs, so a clock's own ticks would not compare
/// equal). One instant for the whole process, so those tests' apps are handed from test to test like the others'
/// (<see cref="PortalFixture"/> keys an app by its clock's start instant); a new instant per test meant a new app per test.
/// </summary>
internal static class TestClockStart
{
    private static readonly Lazy<DateTimeOffset> _ofProcess = new(() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public static DateTimeOffset OfProcess => _ofProcess.Value;
}
