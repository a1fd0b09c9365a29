namespace IdentityAccess.Core.Sso.Jit;

/// <summary>One SAML sign-in being completed, as its provisioning-log row names it.</summary>
/// <param name="CorrelationId">The request's reference: the refusal page shows it, the log row carries it.</param>
/// <param name="StartedTimestamp">From <see cref="TimeProvider.GetTimestamp"/>, for the row's duration.</param>
public sealed record SignInAttempt(Guid ParentId, string CorrelationId, DateTimeOffset StartedAt, long StartedTimestamp);
