using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityAccess.DemoIdp.Push;

/// <summary>Speaks SCIM to the app's own endpoint over HTTP, with a bearer token, as Entra's provisioning service does.</summary>
internal sealed class DemoIdpScimClient(HttpClient http, Uri appBaseUrl, string token, DemoIdpPushTally tally)
{
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(appBaseUrl, "/scim/v2/" + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/scim+json");
        }

        tally.Requests++;
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        if (text.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not SCIM: the error below quotes the status, which is what the summary shows.
            }
        }

        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            tally.Fail($"{method} /scim/v2/{path.Split('?')[0]}: {(int)response.StatusCode} {json?["detail"]?.GetValue<string>() ?? response.ReasonPhrase}");
        }

        return (response.StatusCode, json);
    }

    /// <summary>The id of the first resource a filtered list returns, or null.</summary>
    public async Task<string?> FindAsync(string resource, string filter, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"{resource}?filter={Uri.EscapeDataString(filter)}", null, cancellationToken);
        return status == HttpStatusCode.OK ? body?["Resources"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>() : null;
    }

    /// <summary>Entra's default (non-RFC) PATCH shape: capitalised ops (SCIM-CLIENTS.md §1).</summary>
    public static JsonObject Patch(params JsonObject[] operations) => new()
    {
        ["schemas"] = new JsonArray(PatchOpSchema),
        ["Operations"] = new JsonArray([.. operations]),
    };

    public static JsonObject Operation(string op, string path, JsonNode? value) => new() { ["op"] = op, ["path"] = path, ["value"] = value };

    /// <summary>SCIM filter string literal (RFC 7644 §3.4.2.2): quotes and backslashes escaped.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
