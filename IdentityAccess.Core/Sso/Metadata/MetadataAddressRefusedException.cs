namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>Thrown by the guard's connect step; the HTTP handler wraps it, the fetcher turns it into a refusal in words.</summary>
public sealed class MetadataAddressRefusedException(string host)
    : Exception($"{host} is a loopback, private or link-local address, which the portal does not fetch metadata from");
