using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.GroupNames;

public sealed record SignInGroupNotFound() : NotFoundError("That group is not among the groups seen at sign-in.");

public sealed record SignInGroupNameInvalid(GroupNameProblem Problem) : InvalidInputError("name", $"Type the group's new name as your IdP sends it: this one {Describe(Problem)}.")
{
    private static string Describe(GroupNameProblem problem) => problem switch
    {
        GroupNameProblem.Blank => "is blank",
        GroupNameProblem.TooLong => $"is longer than {GroupNameMatching.MaxLength} characters",
        GroupNameProblem.ControlCharacters => "contains control characters",
        GroupNameProblem.TooLongNormalized => "is too long once normalized",
    };
}

/// <summary>The new name is another recorded group's, and that group is mapped: merging would silently drop its mappings.</summary>
public sealed record SignInGroupNameMapped(string Name, string Organizations)
    : ConflictError($"'{Name}' is another group seen at sign-in, mapped in {Organizations}. Remove those mappings first, then rename.");
