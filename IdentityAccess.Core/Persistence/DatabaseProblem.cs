namespace IdentityAccess.Core.Persistence;

/// <summary>Why the configured database cannot be used, in a sentence for the operator.</summary>
public sealed record DatabaseProblem(DatabaseProblemKind Kind, string Message);
