using IdentityAccess.Core.Common;

namespace IdentityAccess.Tests.Core.Common;

public sealed class LogPeriodTests
{
    private static readonly DateTimeOffset _nov23 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_Days_FromItsMidnight_ToTheEndOfTheToDay()
    {
        var (period, refusal) = LogPeriod.Parse("2026-11-23", "2026-11-23");

        Assert.Null(refusal);
        Assert.Equal(new LogPeriod(_nov23, _nov23.AddDays(1)), period);
    }

    [Fact]
    public void Parse_InstantsWithOffsets_AsUtc()
    {
        var (period, _) = LogPeriod.Parse("2026-11-23T10:00:00+01:00", "2026-11-23T12:00:00Z");

        Assert.Equal(new LogPeriod(_nov23.AddHours(9), _nov23.AddHours(12)), period);
    }

    [Fact]
    public void Parse_NeitherEnd_Everything() => Assert.Equal(LogPeriod.All, LogPeriod.Parse(null, " ").Period);

    [Fact]
    public void Parse_LastDayThereIs_NoOverflow() => Assert.Equal(DateTimeOffset.MaxValue, LogPeriod.Parse(null, "9999-12-31").Period!.To);

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData("2026-02-30", null, "from")]
    [InlineData("2026-11-23T10:00:00", null, "from")] // no offset
    [InlineData(null, "23/11/2026", "to")]
    [InlineData("2026-11-24", "2026-11-23", "to")]
    [InlineData("2026-11-23T12:00:00Z", "2026-11-23T12:00:00Z", "to")] // empty
    public void Parse_Unreadable_OrBackwards_RefusedNamingTheField(string? from, string? to, string field)
    {
        var (period, refusal) = LogPeriod.Parse(from, to);

        Assert.Null(period);
        Assert.Equal(field, refusal!.Field);
        Assert.Contains($"'{field}'", refusal.Message, StringComparison.Ordinal);
    }
}
