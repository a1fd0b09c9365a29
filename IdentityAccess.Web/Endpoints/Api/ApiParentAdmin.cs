using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A parent admin as the parent page lists them.</summary>
internal sealed record ApiParentAdmin(Guid PersonId, string Name, string Email, DateTimeOffset GrantedAt, string GrantedBy)
{
    public static ApiParentAdmin From(ParentAdminView admin) => new(admin.PersonId, admin.DisplayName, admin.Email, admin.GrantedAt, admin.GrantedBy);
}

/// <summary>Whom to make a parent admin: an active member of one of the parent's organizations, by email.</summary>
internal sealed record ApiParentAdminRequest(string? Email);
