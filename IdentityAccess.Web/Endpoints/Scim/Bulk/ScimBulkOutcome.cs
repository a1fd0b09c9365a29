using System.Globalization;
using System.Text.Json.Nodes;

namespace IdentityAccess.Web.Endpoints.Scim.Bulk;

/// <summary>One operation's entry in the BulkResponse (RFC 7644 §3.7.3): status as a string, an error as its <c>response</c>.</summary>
internal sealed record ScimBulkOutcome(ScimBulkOperation Operation, int Status, ScimWriteResult? Result, ScimError? Error)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["method"] = Operation.Method };
        if (Operation.BulkId is { } bulkId)
        {
            json["bulkId"] = bulkId;
        }

        if (Result?.Location is { } location)
        {
            json["location"] = location;
        }

        if (Result?.Version is { } version)
        {
            json["version"] = version;
        }

        json["status"] = Status.ToString(CultureInfo.InvariantCulture);
        if (Error is not null)
        {
            json["response"] = Error.ToJson();
        }

        return json;
    }
}
