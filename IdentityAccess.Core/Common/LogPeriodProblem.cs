namespace IdentityAccess.Core.Common;

/// <summary>What is wrong with a log's date range.</summary>
public enum LogPeriodProblem
{
    /// <summary>One end is not a day or an ISO 8601 time.</summary>
    NotADate,

    /// <summary>'to' is not after 'from'.</summary>
    EndsBeforeStart,
}
