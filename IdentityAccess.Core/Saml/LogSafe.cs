using System.Text;

namespace IdentityAccess.Core.Saml;

/// <summary>Quotes attacker-controlled text for log messages: bounded length, no control characters (log forging).</summary>
internal static class LogSafe
{
    private const int MaxLength = 120;

    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 2).Append('\'');
        foreach (var c in value.Length > MaxLength ? value[..MaxLength] : value)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        return text.Append(value.Length > MaxLength ? "'…" : "'").ToString();
    }
}
