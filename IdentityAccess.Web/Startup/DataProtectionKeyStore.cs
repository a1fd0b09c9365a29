using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Web.Startup;

/// <summary>Where this instance keeps its Data Protection keys: in the database under a certificate, or in a local folder.</summary>
internal sealed record DataProtectionKeyStore(X509Certificate2? Certificate, string? Directory);
