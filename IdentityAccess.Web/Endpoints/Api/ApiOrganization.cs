using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>An organization as the API shows it; enums as their names, as everywhere in the API.</summary>
internal sealed record ApiOrganization(Guid Id, string Name, string Plan, string Product, string ProvisioningMode)
{
    public static ApiOrganization From(ParentOrganizationRow row) =>
        new(row.Id, row.Name, row.Plan.ToString(), row.Product.ToString(), row.Mode.ToString());

    public static ApiOrganization From(OrganizationSummary organization) =>
        new(organization.Id, organization.Name, organization.Plan.ToString(), organization.Product.ToString(), organization.ProvisioningMode.ToString());
}
