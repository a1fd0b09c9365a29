namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The settings a dry run or an apply is asked for: the editable part of <see cref="ApiIdentityAccessSettings"/>, whole
/// (what is left out is none: no mappings, no break-glass owner). Values are names, read by
/// <see cref="ApiSettingsRequestReader"/> so that each wrong one is refused by its field, never as a 500.
/// </summary>
/// <param name="Fingerprint">The apply's: the fingerprint of the dry run that was reviewed.</param>
/// <param name="Confirm">The apply's: the number of other people who lose access or rank, when the dry run asks for it.</param>
internal sealed record ApiSettingsRequest(string? Mode, bool? AdvancedGroupMappings, IReadOnlyList<ApiMappingInput?>? RoleMappings,
    IReadOnlyList<ApiMappingInput?>? TierMappings, Guid? BreakGlassPersonId, string? Fingerprint = null, int? Confirm = null);

/// <summary>A role mapping (<paramref name="Role"/>) or a tier mapping (<paramref name="Tier"/>) as sent; a group name sent along is ignored.</summary>
internal sealed record ApiMappingInput(string? GroupKey, string? Role = null, string? Tier = null);
