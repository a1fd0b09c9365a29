using System.Globalization;
using IdentityAccess.Core.Outbox;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// <c>operator outbox list [--unsent]</c>: the emails the portal wrote, newest first, with their links while unsent, so
/// an operator without SMTP can still pass an invitation on, and can see why delivery fails.
/// </summary>
internal static class OperatorOutboxCommands
{
    public static OperatorCommand? Parse(string[] args) => args switch
    {
        ["list"] => new(context => ListAsync(context, unsentOnly: false)),
        ["list", "--unsent"] => new(context => ListAsync(context, unsentOnly: true)),
        _ => null,
    };

    private static async Task<int> ListAsync(OperatorContext context, bool unsentOnly) =>
        await context.Console.ListAsync(await context.Get<OutboxReader>().ListAsync(unsentOnly, OutboxReader.MaxTake),
            message => new
            {
                message.Id,
                message.CreatedAt,
                message.Kind,
                message.ToAddress,
                message.Subject,
                message.SentAt,
                message.Attempts,
                message.LastError,
                Links = OutboxText.Links(message.TextBody),
            },
            message => string.Join('\t', message.CreatedAt.ToString("u", CultureInfo.InvariantCulture), message.Kind, message.ToAddress,
                State(message), message.Subject, string.Join(' ', OutboxText.Links(message.TextBody))));

    private static string State(OutboxMessage message) =>
        message.SentAt is { } sent ? "sent " + sent.ToString("u", CultureInfo.InvariantCulture)
        : message.LastError is { } failed ? $"unsent, {message.Attempts} attempts: {failed}" : "unsent";
}
