using System.Text;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Fuzz;

/// <summary>The ids and names the generator aims at: the attacked directory's own, and another parent's.</summary>
public sealed record ScimFuzzTargets(Guid User, string UserName, string ExternalId, Guid Group, string GroupName, Guid OtherParentsUser, Guid OtherParentsGroup);

/// <summary>One generated request.</summary>
public sealed record ScimFuzzRequest(string Method, string Route, string Path, byte[]? Body, string? Authorization)
{
    public bool Writes => Method is not "GET";

    public override string ToString() => $"{Method} {Path} [{Body?.Length ?? 0} bytes] {(Body is null ? "" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)]))}";
}

/// <summary>
/// A seeded generator of malformed SCIM requests: a realistic body (User, Group or PatchOp) with one to three
/// attributes replaced by a hostile value (wrong JSON type, huge, lone surrogate, control, zero-width, bidi, NFD look-alike,
/// blank, not an address, another parent's id), or the body broken as text (truncated, invalid UTF-8, one attribute given
/// twice, deep nesting); bad filters and paging; bad ids and another parent's ids; now and then no or a wrong token.
/// </summary>
public sealed class ScimFuzzGenerator(int seed, ScimFuzzTargets targets)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private readonly Random _random = new(seed);

    public ScimFuzzRequest Next(string bearer)
    {
        var route = Pick(ScimFuzzRoutes.All);
        var method = route.Serves.Length > 0 && _random.Next(5) != 0 ? Pick(route.Serves) : Pick(ScimFuzzRoutes.Methods);
        var path = "/scim/v2" + route.Template.Replace("{id}", Uri.EscapeDataString(Id(method)), StringComparison.Ordinal) + Query();
        var body = method is "POST" or "PUT" or "PATCH" || _random.Next(10) == 0 ? Body(route.Body, method) : null;
        var authorization = _random.Next(100) switch
        {
            0 => null,
            1 => "non-token",
            2 => "Bearer scim_" + new string('x', 40),
            _ => "Bearer " + bearer,
        };
        return new ScimFuzzRequest(method, route.Template, path, body, authorization);
    }

    private string Id(string method) => _random.Next(12) switch
    {
        // The directory's own ids, never for DELETE: the run must keep something to attack.
        0 or 1 when method != "DELETE" => targets.User.ToString(),
        2 when method != "DELETE" => targets.Group.ToString(),
        3 => targets.OtherParentsUser.ToString(),
        4 => targets.OtherParentsGroup.ToString(),
        5 => Guid.NewGuid().ToString(),
        6 => "00919288221112222",
        7 => "urn:ietf:params:scim:schemas:core:2.0:User",
        8 => new string('9', _random.Next(40, 3000)),
        9 => "\u0000\ud7ff\u202e",
        10 => "User",
        _ => "' OR 1=1 --",
    };

    private string Query()
    {
        if (_random.Next(3) != 0)
        {
            return "";
        }

        string[] filters =
        [
            "userName eq", "userName eq \"x\" and", "((((", "emails[type eq \"work\"", "meta.lastModified gt \"not a date\"", "title pr",
            "userName co \"\ud800\"", $"userName eq \"{targets.UserName.ToUpperInvariant()}\"", "displayName sw 123", "members.value eq \"" + targets.OtherParentsUser + "\"",
            "externalId eq \"" + new string('e', 5000) + "\"", "not (userName eq \"a\")", "x eq y eq z", "userName gt \"\u0000\"",
        ];
        var parts = new List<string>();
        if (_random.Next(2) == 0)
        {
            parts.Add("filter=" + Uri.EscapeDataString(Pick(filters)));
        }

        string[] numbers = ["-1", "0", "abc", "99999999999", "1e9", "", "2147483647", "%FF", "%ED%A0%80"];
        parts.Add("startIndex=" + Pick(numbers));
        parts.Add("count=" + Pick(numbers));
        if (_random.Next(3) == 0)
        {
            parts.Add("attributes=" + Uri.EscapeDataString(Pick(new[] { "userName,,", "name.", "[", "urn:x:y", "members", new string('a', 3000) })));
        }

        if (_random.Next(4) == 0)
        {
            parts.Add("sortBy=" + Uri.EscapeDataString(Pick(new[] { "nope", "emails[", "userName" })) + "&sortOrder=" + Pick(new[] { "sideways", "ascending", "" }));
        }

        return "?" + string.Join("&", parts);
    }

    private byte[] Body(ScimFuzzBody kind, string method)
    {
        var text = kind == ScimFuzzBody.Bulk ? Bulk() : method == "PATCH" ? PatchOp(kind) : kind == ScimFuzzBody.Group ? Group() : User();
        return _random.Next(6) == 0 ? BreakText(text) : Encoding.UTF8.GetBytes(text);
    }

    private string User()
    {
        var slots = Slots(("userName", Json(targets.UserName)), ("externalId", Json(targets.ExternalId)), ("displayName", "\"Zed Fuzz\""), ("active", "true"),
            ("title", "\"Engineer\""), ("givenName", "\"Zed\""), ("familyName", "\"Fuzz\""), ("email", Json(targets.UserName)), ("primary", "true"),
            ("name", null), ("emails", null), ("department", "\"R&D\""), ("manager", "null"), ("phoneNumbers", "[]"));
        var name = slots["name"] ?? $$"""{"givenName":{{slots["givenName"]}},"familyName":{{slots["familyName"]}}}""";
        var emails = slots["emails"] ?? $$"""[{"type":"work","primary":{{slots["primary"]}},"value":{{slots["email"]}}}]""";
        return $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":{{slots["userName"]}},"externalId":{{slots["externalId"]}},"displayName":{{slots["displayName"]}},"active":{{slots["active"]}},"title":{{slots["title"]}},"name":{{name}},"emails":{{emails}},"phoneNumbers":{{slots["phoneNumbers"]}},"{{Enterprise}}":{"department":{{slots["department"]}},"manager":{{slots["manager"]}}""" + "}}";
    }

    // A BulkRequest of one to three generated operations, their methods, paths and bulkIds fuzzed too.
    private string Bulk()
    {
        var operations = Enumerable.Range(0, _random.Next(1, 4)).Select(_ =>
        {
            var kind = _random.Next(2) == 0 ? ScimFuzzBody.User : ScimFuzzBody.Group;
            var method = Pick(new[] { "POST", "PUT", "PATCH", "DELETE", "GET", "post" });
            var resource = kind == ScimFuzzBody.User ? "/Users" : "/Groups";
            var path = Pick(new[] { resource, $"{resource}/{targets.User}", $"{resource}/{targets.OtherParentsUser}", $"{resource}/{targets.OtherParentsGroup}",
                $"{resource}/bulkId:missing", "/Me", "", "/Users/../Groups" });
            var data = method == "PATCH" ? PatchOp(kind) : kind == ScimFuzzBody.Group ? Group() : User();
            var slots = Slots(("method", Json(method)), ("path", Json(path)), ("bulkId", Json("b" + _random.Next(3))), ("data", data));
            return $$"""{"method":{{slots["method"]}},"path":{{slots["path"]}},"bulkId":{{slots["bulkId"]}},"data":{{slots["data"]}}}""";
        });
        var slots = Slots(("failOnErrors", "1"), ("operations", null));
        var list = slots["operations"] ?? "[" + string.Join(",", operations) + "]";
        return $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":{{slots["failOnErrors"]}},"Operations":{{list}}}""";
    }

    private string Group()
    {
        var slots = Slots(("displayName", Json(targets.GroupName)), ("externalId", "\"fuzz-group\""), ("members", null), ("member", Json(targets.User.ToString())));
        var members = slots["members"] ?? $$"""[{"value":{{slots["member"]}}}]""";
        return $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":{{slots["displayName"]}},"externalId":{{slots["externalId"]}},"members":{{members}}}""";
    }

    private string PatchOp(ScimFuzzBody kind)
    {
        string[] paths = kind == ScimFuzzBody.Group
            ? ["members", $"members[value eq \"{targets.OtherParentsUser}\"]", "displayName", "externalId", "members[value eq", "", "meta"]
            : ["userName", "active", "externalId", "displayName", "emails[type eq \"work\"].value", "name.givenName", $"{Enterprise}:department", "emails[", "id", "meta.created"];
        var slots = Slots(("op", Json(Pick(new[] { "add", "Replace", "remove" }))), ("path", Json(Pick(paths))), ("value", Json(targets.UserName)), ("operations", null));
        var operations = slots["operations"] ?? $$"""[{"op":{{slots["op"]}},"path":{{slots["path"]}},"value":{{slots["value"]}}}]""";
        return $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""";
    }

    // The named slots with their realistic values, one to three of them replaced by a hostile JSON fragment.
    private Dictionary<string, string?> Slots(params (string Name, string? Value)[] slots)
    {
        var result = slots.ToDictionary(s => s.Name, s => s.Value);
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            result[slots[_random.Next(slots.Length)].Name] = Hostile();
        }

        return result;
    }

    private string Hostile() => _random.Next(30) switch
    {
        0 => "123",
        1 => "true",
        2 => "null",
        3 => "{}",
        4 => "[]",
        5 => "[1,\"two\",{\"value\":3}]",
        6 => "{\"value\":{\"value\":[]}}",
        7 => "\"\\ud800\"",
        8 => "\"a\\udc00b@acme.test\"",
        9 => "\"zed\\u0000@acme.test\"",
        10 => Json("zed\u200B@acme.test"),
        11 => Json("zed\u202E@acme.test"),
        12 => Json(targets.UserName.Normalize(NormalizationForm.FormD)), // a look-alike of the existing userName
        13 => Json(targets.UserName.ToUpperInvariant()),
        14 => "\"no-at-sign\"",
        15 => "\"a@b@c.test\"",
        16 => Json(new string('x', _random.Next(257, 5000))),
        17 => Json(new string('y', 300_000)),
        18 => "\"\"",
        19 => "\"   \"",
        20 => "\"\\t\\n\\r\"",
        21 => Json(targets.OtherParentsUser.ToString()),
        22 => Json(targets.OtherParentsGroup.ToString()),
        23 => "1e999",
        24 => "-0.0000001",
        25 => Json("\u2066zed@acme.test\u2069"),
        26 => $"[{string.Join(",", Enumerable.Range(0, _random.Next(1, 50)).Select(_ => $"{{\"value\":\"{Guid.NewGuid()}\"}}"))}]",
        27 => Json(targets.ExternalId),
        28 => Json("\uFEFF"),
        _ => Json(RandomText()),
    };

    private byte[] BreakText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = _random.Next(bytes.Length);
        return _random.Next(8) switch
        {
            0 => bytes[..at], // truncated
            1 => [.. bytes[..at], 0xED, 0xA0, 0x80, .. bytes[at..]], // a raw surrogate, CESU-8
            2 => [.. bytes[..at], 0xFF, .. bytes[at..]],
            3 => Encoding.UTF8.GetBytes("{\"USERNAME\":\"a@acme.test\",\"Operations\":1," + text[1..]), // attributes given twice
            4 => Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200)),
            5 => Encoding.UTF8.GetBytes(Pick(new[] { "", "null", "[]", "\"str\"", "42", "{", "{}}", "{\"a\":}" })),
            6 => [.. Enumerable.Range(0, _random.Next(1, 200)).Select(_ => (byte)_random.Next(256))],
            _ => Encoding.UTF8.GetBytes(text.Replace("\"", "'", StringComparison.Ordinal)),
        };
    }

    private string RandomText()
    {
        var chars = new char[_random.Next(0, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)_random.Next(0x20, 0xD7FF);
        }

        return new string(chars);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
