using System.Text;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Access;

/// <summary>
/// The guide's permissions table is generated from <see cref="OrganizationPermissions"/>, the one place that decides:
/// this test fails when the two differ. To regenerate after changing the table: IA_WRITE_DOCS=1 dotnet test --filter PermissionsTable.
/// </summary>
public sealed class PermissionsTableTests
{
    private const string Start = "<!-- permissions table: generated from OrganizationPermissions by PermissionsTableTests; do not edit by hand -->";
    private const string End = "<!-- end of generated permissions table -->";

    [Fact]
    public void GuidePermissionsTable_MatchesTheOnePermissionTable()
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "guide", "permissions.md");
        var page = File.ReadAllText(path);
        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} lost its generated-table markers.");

        var expected = Render();
        var actual = page[(start + Start.Length)..end];
        if (Environment.GetEnvironmentVariable("IA_WRITE_DOCS") == "1" && actual != expected)
        {
            File.WriteAllText(path, page[..(start + Start.Length)] + expected + page[end..]);
            actual = expected;
        }

        Assert.True(expected == actual,
            "docs/guide/permissions.md differs from OrganizationPermissions. Regenerate it: IA_WRITE_DOCS=1 dotnet test --filter PermissionsTable");
    }

    [Fact]
    public void Render_EveryPermissionHasARow()
    {
        var table = Render();

        Assert.All(Enum.GetValues<Permission>(), p => Assert.Contains("| " + PermissionDescriptions.Of(p) + " |", table, StringComparison.Ordinal));
    }

    private static readonly (string Heading, Product Product, Role? Role, bool ParentAdmin)[] _columns =
    [
        ("Chat Owner", Product.Chat, Role.Owner, false),
        ("Chat Admin", Product.Chat, Role.Admin, false),
        ("Chat User", Product.Chat, Role.User, false),
        ("Console Admin", Product.Console, Role.Admin, false),
        ("Console Developer, Billing, Claude Code User, User", Product.Console, Role.Developer, false),
        ("Parent admin (no role in the organization)", Product.Chat, null, true),
    ];

    private static string Render()
    {
        var text = new StringBuilder("\n\n");
        foreach (var scope in Enum.GetValues<PermissionScope>())
        {
            text.Append(scope == PermissionScope.Organization ? "**In an organization**\n\n" : "**In a parent organization**\n\n");
            text.Append("| What | ").AppendJoin(" | ", _columns.Select(c => c.Heading)).Append(" |\n");
            text.Append("|---|").AppendJoin("", _columns.Select(_ => "---|")).Append('\n');
            foreach (var permission in Enum.GetValues<Permission>().Where(p => OrganizationPermissions.ScopeOf(p) == scope))
            {
                text.Append("| ").Append(PermissionDescriptions.Of(permission)).Append(" | ")
                    .AppendJoin(" | ", _columns.Select(c => Allowed(c, permission, scope) ? "yes" : "—")).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static bool Allowed((string Heading, Product Product, Role? Role, bool ParentAdmin) column, Permission permission, PermissionScope scope)
    {
        // In a parent, a role means "holds it in one of the parent's organizations": only the top role counts there.
        var roles = scope == PermissionScope.Parent
            ? new ActingRoles(null, column.Product, null, column.ParentAdmin,
                IsTopRoleOfAnOrganization: column.Role is { } r && r == RoleCatalog.TopRole(column.Product))
            : new ActingRoles(null, column.Product, column.Role, column.ParentAdmin);
        return OrganizationPermissions.Allows(roles, permission);
    }
}
