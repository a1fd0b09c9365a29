namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Someone to add, as the members page's Add member and Invite dialogs ask for them. Values are names, read by
/// <see cref="ApiMemberRequestReader"/> so that each wrong one is refused by its field, never as a 500.
/// </summary>
/// <param name="Role">A role of the organization's product; the dialog's default (User) when not sent.</param>
/// <param name="Tier">A seat tier for a chat organization (Premium, Standard); none for a Console organization.</param>
/// <param name="Invite">True: invite by email (the person joins by accepting it); false or not sent: add at once.</param>
internal sealed record ApiNewMemberRequest(string? Email, string? DisplayName, string? Role = null, string? Tier = null, bool? Invite = null);

/// <summary>A member's new role, seat tier or both, as the Change role or tier dialog sets them; what is not sent stays.</summary>
internal sealed record ApiMemberChangeRequest(string? Role = null, string? Tier = null);
