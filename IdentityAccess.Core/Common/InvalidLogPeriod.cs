namespace IdentityAccess.Core.Common;

/// <summary>A log's date range that cannot be read (<see cref="Text"/> is what was given), or that ends before it starts.</summary>
public sealed record InvalidLogPeriod(string Field, LogPeriodProblem Problem, string Text = "") : InvalidInputError(Field, English(Field, Problem, Text))
{
    private static string English(string field, LogPeriodProblem problem, string text) => problem switch
    {
        LogPeriodProblem.NotADate =>
            $"'{field}' is not a date: '{text}'. Use a day (2026-11-23) or an ISO 8601 time with its offset (2026-11-23T09:30:00Z).",
        LogPeriodProblem.EndsBeforeStart => "'to' must be after 'from'.",
    };
}
