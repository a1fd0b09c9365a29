using System.Globalization;
using IdentityAccess.Core.Outbox;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// <c>operator outbox list [--unsent]</c>: the emails the portal wrote, newest first, with their links while unsent, so
/// an operator without SMTP can still pass an invitation on, and can see why delivery fails.
/// </summary>
internal static class OperatorOutboxCommands
{
    private const string Usage = "operator outbox list [--unsent]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        bool? unsentOnly = args switch
        {
            ["list"] => false,
            ["list", "--unsent"] => true,
            _ => null,
        };
        if (unsentOnly is null)
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        foreach (var message in await services.GetRequiredService<OutboxReader>().ListAsync(unsentOnly.Value, OutboxReader.MaxTake))
        {
            var state = message.SentAt is { } sent ? "sent " + sent.ToString("u", CultureInfo.InvariantCulture)
                : message.LastError is { } failed ? $"unsent, {message.Attempts} attempts: {failed}" : "unsent";
            await output.WriteLineAsync(string.Join('\t', message.CreatedAt.ToString("u", CultureInfo.InvariantCulture), message.Kind, message.ToAddress,
                state, message.Subject, string.Join(' ', OutboxText.Links(message.TextBody))));
        }

        return 0;
    }
}
