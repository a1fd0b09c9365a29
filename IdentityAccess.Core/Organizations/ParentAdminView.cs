namespace IdentityAccess.Core.Organizations;

/// <summary>A parent admin as the parent page lists them.</summary>
public sealed record ParentAdminView(Guid PersonId, string DisplayName, string Email, DateTimeOffset GrantedAt, string GrantedBy);
