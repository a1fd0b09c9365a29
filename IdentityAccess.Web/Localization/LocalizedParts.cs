using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// A translated sentence with markup inside it (a <c>&lt;code&gt;</c> URL, a bold count, an IdP's menu name in italics):
/// the sentence stays one key with <c>{0}</c>, <c>{1}</c>… where the parts go, so each language orders them as it needs.
/// The text is rendered as text, never as markup.
/// </summary>
public static partial class LocalizedParts
{
    public static RenderFragment Fill(string template, params RenderFragment[] parts) => builder =>
    {
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(template))
        {
            builder.AddContent(0, template[at..placeholder.Index]);
            builder.AddContent(1, parts[int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture)]);
            at = placeholder.Index + placeholder.Length;
        }

        builder.AddContent(2, template[at..]);
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
