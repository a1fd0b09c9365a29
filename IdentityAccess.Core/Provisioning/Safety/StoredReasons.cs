using System.Text.Json;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The engine's reasons kept with a held or staged change as their codes and values (JSON), so the Identity and access
/// page says them in the reader's language long after the evaluation; the English sentence is kept beside them for the
/// command line and for rows written before the codes were (read back as <see cref="ReasonCode.AsRecorded"/>).
/// </summary>
public static class StoredReasons
{
    public static string Write(IEnumerable<OutcomeReason> reasons) => JsonSerializer.Serialize(reasons.ToList());

    public static IReadOnlyList<OutcomeReason> Read(string? codes, string english)
    {
        if (codes is not null)
        {
            try
            {
                return JsonSerializer.Deserialize<List<OutcomeReason>>(codes) ?? [];
            }
            catch (Exception e) when (e is JsonException or ArgumentException or KeyNotFoundException or InvalidOperationException)
            {
                // A code renamed or removed since the row was written: its English still says what happened.
            }
        }

        return english.Length == 0 ? [] : [OutcomeReason.Of(ReasonCode.AsRecorded, english)];
    }
}
