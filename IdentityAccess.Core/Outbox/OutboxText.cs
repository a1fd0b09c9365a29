using System.Text.RegularExpressions;

namespace IdentityAccess.Core.Outbox;

/// <summary>What the portal does with a message's text after writing it: finds its links, and takes their secret out once sent.</summary>
public static partial class OutboxText
{
    /// <summary>Stands where a delivered link's secret was.</summary>
    public const string RedactedSecret = "[removed once sent]";

    /// <summary>
    /// The delivered copy no longer opens anything: whoever reads the database later (a backup, a support tool) cannot
    /// use the invitation or sign-in link the person received.
    /// </summary>
    public static string RedactSecrets(string body) => SecretInPath().Replace(body, RedactedSecret);

    /// <summary>The absolute links in a message, in order, for the mailbox page and the operator command line.</summary>
    public static IReadOnlyList<string> Links(string body) => [.. HttpLink().Matches(body).Select(m => m.Value)];

    // A link's secret is one path segment of LinkSecret.Length base64url characters.
    [GeneratedRegex(@"(?<=/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex SecretInPath();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex HttpLink();
}
