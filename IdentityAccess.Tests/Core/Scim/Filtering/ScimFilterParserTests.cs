using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Filtering;

namespace IdentityAccess.Tests.Core.Scim.Filtering;

/// <summary>The filter grammar of RFC 7644 §3.4.2.2 as a tree, and its in-memory evaluation used by PATCH value filters.</summary>
public sealed class ScimFilterParserTests
{
    private static ScimAttributePath P(string name) => ScimAttributePath.TryParse(name)!;

    [Fact]
    public void Parse_AndBindsTighterThanOr_NotAndParenthesesGroup()
    {
        var tree = ScimFilterParser.Parse("a eq \"1\" OR b pr and NOT (c ne true)");

        var expected = new ScimOrNode(new ScimCompareNode(P("a"), ScimCompareOperator.Eq, "1"),
            new ScimAndNode(new ScimPresentNode(P("b")), new ScimNotNode(new ScimCompareNode(P("c"), ScimCompareOperator.Ne, true))));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Parse_LiteralsAndEscapes()
    {
        var tree = (ScimAndNode)ScimFilterParser.Parse("""x eq "say \"hi\"\u00e9" and (y ge -1.5e2 or z eq null)""");

        Assert.Equal("say \"hi\"é", ((ScimCompareNode)tree.Left).Value);
        var or = (ScimOrNode)tree.Right;
        Assert.Equal(-150m, ((ScimCompareNode)or.Left).Value);
        Assert.Null(((ScimCompareNode)or.Right).Value);
    }

    [Fact]
    public void Parse_UrnPathsAndEntrasValuePathComparison()
    {
        var urn = (ScimCompareNode)ScimFilterParser.Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m\"");
        var entra = (ScimValuePathNode)ScimFilterParser.Parse("emails[type eq \"work\"].value eq \"a@b.test\"");

        Assert.Equal(new ScimAttributePath(ScimSchemas.EnterpriseUser, "manager", "value"), urn.Path);
        Assert.Equal(new ScimAndNode(new ScimCompareNode(P("type"), ScimCompareOperator.Eq, "work"), new ScimCompareNode(P("value"), ScimCompareOperator.Eq, "a@b.test")),
            entra.Filter);
    }

    [Theory]
    [InlineData("userName eq \"a\" or", 19)]
    [InlineData("userName foo \"a\"", 10)]
    [InlineData("(a eq \"1\"", 10)]
    public void Parse_Malformed_InvalidFilterWithPosition(string filter, int position)
    {
        var error = Assert.Throws<ScimException>(() => ScimFilterParser.Parse(filter));

        Assert.Equal(("invalidFilter", 400), (error.ScimType, error.Status));
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type eq \"WORK\"", true)]
    [InlineData("type eq \"home\" or primary eq true", true)]
    [InlineData("value co \"@acme\" and not (primary eq true)", false)]
    [InlineData("primary eq \"True\"", true)] // Entra's boolean strings
    [InlineData("display pr", false)]
    [InlineData("value sw \"ZED\" and value ew \".test\"", true)]
    [InlineData("type gt \"home\"", true)]
    [InlineData("type eq null", false)]
    public void Evaluate_AgainstOneValue(string filter, bool matches)
    {
        var email = new JsonObject { ["type"] = "work", ["value"] = "zed@acme.test", ["primary"] = true, ["display"] = "" };

        Assert.Equal(matches, ScimFilterEvaluator.Matches(ScimFilterParser.Parse(filter), email));
    }

    [Theory]
    [InlineData("emails[type eq \"work\"].value", "emails", "value")]
    [InlineData("members[value eq \"1\" or value eq \"2\"]", "members", null)]
    public void ParsePatchPath_ValuePathAndSubAttribute(string path, string attribute, string? sub)
    {
        var (parsed, filter, subAttribute) = ScimFilterParser.ParsePatchPath(path);

        Assert.Equal((attribute, sub), (parsed.Attribute, subAttribute));
        Assert.NotNull(filter);
    }
}
