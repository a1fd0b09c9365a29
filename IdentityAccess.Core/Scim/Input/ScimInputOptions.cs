using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Scim.Input;

/// <summary>The <c>Scim:Input</c> section: the input limits an operator may change.</summary>
public sealed class ScimInputOptions
{
    public const string SectionName = "Scim:Input";

    /// <summary>
    /// Group members one request may name (POST or PUT members, or the values of all of a PATCH's operations): more is
    /// 413. Entra sends at most a few hundred per PATCH, Okta at most a few thousand; 10,000 is about 600 KB.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxMembersPerRequest { get; set; } = 10_000;
}
