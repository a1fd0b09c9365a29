using System.Text.RegularExpressions;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>What a browser does with a page's form: finds its antiforgery token, and posts its fields.</summary>
public static partial class FormPost
{
    /// <summary>The antiforgery token of the form marked <c>data-testid="<paramref name="formTestId"/>"</c>.</summary>
    public static string TokenIn(string html, string formTestId)
    {
        var match = Token().Matches(html).FirstOrDefault(m => html.LastIndexOf($"data-testid=\"{formTestId}\"", m.Index, StringComparison.Ordinal) >= 0);
        return match?.Groups["token"].Value ?? throw new InvalidOperationException($"No antiforgery token in a form '{formTestId}'.");
    }

    public static FormUrlEncodedContent Fields(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<token>[^"]+)""")]
    private static partial Regex Token();
}
