using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Layout;

/// <summary>
/// The help article's paths to an organization's members and seats, so that it can be followed literally: for a Claude
/// (chat) organization "Admin settings → Organization", for a Console organization "Settings → Members". The menu groups
/// its links under that first word and the members page is named by the second.
/// </summary>
public static class ArticlePaths
{
    /// <summary>The resource key of the menu's section holding the organization's pages.</summary>
    public static string SettingsKey(Product product) => product switch
    {
        Product.Chat => "Nav.AdminSettings",
        Product.Console => "Nav.Settings",
    };

    /// <summary>The resource key of the members and seats page's name, in the menu and as its heading.</summary>
    public static string MembersPageKey(Product product) => product switch
    {
        Product.Chat => "Nav.Organization",
        Product.Console => "Nav.Members",
    };
}
