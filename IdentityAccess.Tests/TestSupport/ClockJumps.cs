namespace IdentityAccess.Tests.TestSupport;

/// <summary>Settings for an app whose test moves its fake clock by weeks or months in one step.</summary>
public static class ClockJumps
{
    /// <summary>
    /// Turns off the background loops the test does not look at (metadata refresh, scheduled reconcile, removal grace
    /// period) and spaces out those that have no switch (invitation sweep, telemetry gauges). A FakeTimeProvider moved by
    /// 60 days fires a 5-minute timer 17,280 times, and on SQLite each pass runs to its end inside the move: the test of a
    /// domain kept 30 days spent 25 s there, the health check that moves the clock by a year 27 s (the same domain test
    /// on PostgreSQL, whose reads really wait, took 0.2 s: there the ticks fold into the pass that is running).
    /// </summary>
    public static void QuietBackgroundLoops(IDictionary<string, string?> settings)
    {
        settings["Sso:MetadataRefresh:Enabled"] = "false";
        settings["Provisioning:ScheduledReconcile:Enabled"] = "false";
        settings["Provisioning:RemovalGracePeriod:Enabled"] = "false";
        settings["Invitations:SweepIntervalMinutes"] = "1440";
        settings["Telemetry:GaugeRefreshSeconds"] = "86400";
    }
}
