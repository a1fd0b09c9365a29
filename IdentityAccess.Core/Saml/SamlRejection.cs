using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// A rejected Response. <see cref="Error.Message"/> is for logs and the audit trail: it quotes response content only
/// bounded and stripped of control characters. Show the person signing in something generic.
/// </summary>
public sealed record SamlRejection(SamlFailureReason Reason, string Detail) : InvalidInputError("SAMLResponse", $"SAML response rejected ({Reason}): {Detail}")
{
    /// <summary>The check that refused it, set by <see cref="SamlResponseValidator"/>: the ones after it were not run.</summary>
    public SamlCheck? Check { get; init; }
}
