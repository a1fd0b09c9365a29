using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>Attribute names are case-insensitive through System.Text.Json's own option, nested objects and objects added later included.</summary>
public sealed class ScimJsonTests
{
    [Fact]
    public void ParseObject_NestedObjectsAndArrays_MatchNamesInAnyCase()
    {
        var user = ScimJson.ParseObject("""{"Name":{"GivenName":"Zed"},"Emails":[{"Value":"zed@acme.test"}]}""");

        Assert.Equal("Zed", ScimJson.GetString((JsonObject)ScimJson.Get(user, "name")!, "givenName"));
        Assert.Equal("zed@acme.test", ((JsonObject)((JsonArray)user["EMAILS"]!)[0]!)["value"]!.GetValue<string>());
        Assert.True(user["name"]!.Options?.PropertyNameCaseInsensitive);
    }

    [Fact]
    public void SetAndObject_KeepOneEntryPerNameWhateverItsCase()
    {
        var user = ScimJson.ParseObject("""{"DisplayName":"Old"}""");
        ScimJson.Set(user, "displayName", "New");
        ScimJson.Object(user, "NAME")["givenName"] = "Zed";
        ScimJson.Set(ScimJson.Object(user, "name"), "GIVENNAME", "Zoe");

        Assert.Equal(2, user.Count);
        Assert.Equal("New", ScimJson.GetString(user, "DISPLAYNAME"));
        var name = (JsonObject)ScimJson.Get(user, "Name")!;
        Assert.Equal(("Zoe", 1), (ScimJson.GetString(name, "givenname"), name.Count));
        ScimJson.Remove(user, "displayname");
        Assert.Null(ScimJson.Get(user, "displayName"));
    }

    [Fact]
    public void Get_ObjectBuiltWithoutTheOptions_StillMatchesInAnyCase()
    {
        var built = new JsonObject { ["UserName"] = "zed" };
        ScimJson.Set(built, "userName", "zoe");

        Assert.Equal("zoe", ScimJson.GetString(built, "USERNAME"));
        Assert.Single(built);
    }
}
