namespace IdentityAccess.Core.Common;

/// <summary>A log's date range that cannot be read, or that ends before it starts.</summary>
public sealed record InvalidLogPeriod(string Field, string Reason) : InvalidInputError(Field, Reason);
