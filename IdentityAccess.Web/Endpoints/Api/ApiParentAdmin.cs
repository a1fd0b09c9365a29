using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A parent admin as the parent page lists them.</summary>
internal sealed record ApiParentAdmin(Guid PersonId, string Name, string Email, DateTimeOffset GrantedAt, string GrantedBy)
{
    public static ApiParentAdmin From(ParentAdminView admin) => new(admin.PersonId, admin.DisplayName, admin.Email, admin.GrantedAt, admin.GrantedBy);
}
