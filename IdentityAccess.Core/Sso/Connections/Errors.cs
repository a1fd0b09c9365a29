using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Connections;

public sealed record SsoNeedsVerifiedDomain()
    : ConflictError("Verify at least one email domain first: the sign-in page sends people to your IdP by their email domain.");

public sealed record SamlConnectionMissing() : ConflictError("Import your IdP's metadata first.");

public sealed record SamlCustomAttributesMissing()
    : InvalidInputError("attributes", "With custom attribute names, give at least the email attribute, and the subject attribute unless the NameID is persistent.");

public sealed record SamlAttributeNameInvalid(string Field, AttributeNameProblem Problem) : InvalidInputError(Field, Describe(Problem))
{
    private static string Describe(AttributeNameProblem problem) => problem switch
    {
        AttributeNameProblem.TooLong => $"An attribute name is at most {SamlCustomAttributes.MaxLength} characters.",
        AttributeNameProblem.ControlCharacters => "An attribute name cannot contain control characters (a pasted line break, say).",
        AttributeNameProblem.UnknownPreset => "Pick one of the presets.",
    };
}

public sealed record SsoDisableNotConfirmed(int People)
    : InvalidInputError("confirmation", $"Type {People} to confirm: that many people sign in through this IdP today.");
