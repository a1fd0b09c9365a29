namespace IdentityAccess.Core.Common;

/// <summary>Input that breaks a domain rule, such as a role the organization's product does not have.</summary>
public sealed record ValidationFailed(string Field, string Reason) : InvalidInputError(Field, Reason);
