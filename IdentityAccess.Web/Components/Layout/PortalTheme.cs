using MudBlazor;

namespace IdentityAccess.Web.Components.Layout;

internal static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        // Status colours are MudBlazor's defaults darkened until text in them, or on their tinted alert and chip
        // backgrounds, reads at WCAG AA (4.5:1); axe-core flagged the defaults (#00c853 on white is 2.2:1).
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#5f6b7a",
            Success = "#2e7d32",
            Error = "#c62828",
            Warning = "#a35200",
            Info = "#1565c0",
            TextSecondary = "rgba(0,0,0,0.64)", // 0.54 passes on white only, not on a tinted alert
            AppbarBackground = "#26324a",
            DrawerBackground = "#f7f8fa",
            Background = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
            // Buttons read as the help article writes them ("Save changes", "Sync now"), in every language, not in capitals.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
