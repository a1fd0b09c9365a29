using System.Text;

namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>
/// When two group names are the same name. Case, Unicode compatibility forms, surrounding spaces and runs of spaces are
/// set aside: the IdP's SAML attribute and its SCIM push (or two admins typing) may differ in those, never in letters.
/// Matching is that loose on purpose, and so can find two directory groups for one name: that name is then ambiguous
/// and reported, never given to either group.
/// </summary>
public static class GroupNameMatching
{
    /// <summary>The longest group name used (SCIM's displayName limit, and the mapping key's column).</summary>
    public const int MaxLength = 256;

    /// <summary>Compatibility forms can expand a name (one ligature to several letters).</summary>
    public const int MaxNormalizedLength = 1024;

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var compatible = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(compatible.Length);
        var pendingSpace = false;
        foreach (var c in compatible)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().ToUpperInvariant();
    }

    /// <summary>Null when the value can be a group name; otherwise why not, in words.</summary>
    public static GroupNameProblem? Unusable(string name) =>
        string.IsNullOrWhiteSpace(name) ? GroupNameProblem.Blank
        : name.Trim().Length > MaxLength ? GroupNameProblem.TooLong
        : name.Any(char.IsControl) ? GroupNameProblem.ControlCharacters
        : Normalize(name).Length > MaxNormalizedLength ? GroupNameProblem.TooLongNormalized
        : null;
}
