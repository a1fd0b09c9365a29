namespace IdentityAccess.Core.Sso.Connections;

/// <summary>Why a custom SAML attribute name, or the preset chosen, is refused.</summary>
public enum AttributeNameProblem
{
    TooLong,
    ControlCharacters,
    UnknownPreset,
}
