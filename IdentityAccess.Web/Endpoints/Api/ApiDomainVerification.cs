namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The answer of "Verify": whether the domain is verified now, what this check found, and the domain as it is now.</summary>
internal sealed record ApiDomainVerification(bool Verified, ApiDomainCheck? Check, ApiDomain Domain);
