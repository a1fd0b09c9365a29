using System.Globalization;
using System.Text.Json;

namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>
/// A recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2 (figure 1): <c>or</c> binds looser than
/// <c>and</c>, <c>not ( … )</c>, parentheses, value paths <c>attr[filter]</c>, <c>pr</c>, and JSON literals. Keywords
/// and operators are case-insensitive. Entra's matching filter <c>emails[type eq "work"].value eq "x"</c> is read as
/// <c>emails[type eq "work" and value eq "x"]</c>. Errors name the 1-based position.
/// </summary>
internal sealed partial class ScimFilterParser
{
    /// <summary>Bounds what one request can make the database evaluate, and the recursion depth.</summary>
    public const int MaxComparisons = 100;
    private const int MaxDepth = 32;

    private readonly string _text;
    private int _position;
    private int _depth;
    private int _comparisons;

    private ScimFilterParser(string text) => _text = text;

    public static ScimFilterNode Parse(string text)
    {
        var parser = new ScimFilterParser(text);
        var node = parser.ParseOr(insideValuePath: false);
        parser.SkipSpaces();
        return parser._position == text.Length ? node : throw parser.Error($"unexpected '{parser.Rest()}'");
    }

    private ScimFilterNode ParseOr(bool insideValuePath)
    {
        var left = ParseAnd(insideValuePath);
        while (TryKeyword("or"))
        {
            left = new ScimOrNode(left, ParseAnd(insideValuePath));
        }

        return left;
    }

    private ScimFilterNode ParseAnd(bool insideValuePath)
    {
        var left = ParseUnary(insideValuePath);
        while (TryKeyword("and"))
        {
            left = new ScimAndNode(left, ParseUnary(insideValuePath));
        }

        return left;
    }

    private ScimFilterNode ParseUnary(bool insideValuePath)
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"the filter nests deeper than {MaxDepth} levels");
        }

        try
        {
            SkipSpaces();
            if (TryKeyword("not"))
            {
                SkipSpaces();
                return Peek() == '(' ? new ScimNotNode(ParseGroup(insideValuePath)) : throw Error("'not' must be followed by '('");
            }

            return Peek() == '(' ? ParseGroup(insideValuePath) : ParseAttributeExpression(insideValuePath);
        }
        finally
        {
            _depth--;
        }
    }

    private ScimFilterNode ParseGroup(bool insideValuePath)
    {
        _position++; // '('
        var inner = ParseOr(insideValuePath);
        SkipSpaces();
        Expect(')');
        return inner;
    }

    private ScimFilterNode ParseAttributeExpression(bool insideValuePath)
    {
        var start = _position;
        var word = ReadWord();
        var path = ScimAttributePath.TryParse(word) ?? throw Error(word.Length == 0 ? "expected an attribute name" : $"'{word}' is not an attribute name", start);
        if (Peek() != '[')
        {
            return ParseComparison(path);
        }

        if (insideValuePath || path.SubAttribute is not null)
        {
            throw Error("a value filter '[' cannot be nested or follow a sub-attribute");
        }

        var filter = ParseBracket();
        if (Peek() != '.')
        {
            return new ScimValuePathNode(path, filter);
        }

        // Entra: emails[type eq "work"].value eq "x"
        _position++;
        var subStart = _position;
        var sub = ScimAttributePath.TryParse(ReadWord()) is { Schema: null, SubAttribute: null } name ? name : throw Error("expected a sub-attribute after ']'.", subStart);
        return new ScimValuePathNode(path, new ScimAndNode(filter, ParseComparison(sub)));
    }

    private ScimFilterNode ParseBracket()
    {
        _position++; // '['
        var filter = ParseOr(insideValuePath: true);
        SkipSpaces();
        Expect(']');
        return filter;
    }

    private ScimFilterNode ParseComparison(ScimAttributePath path)
    {
        SkipSpaces();
        var start = _position;
        var op = ReadWord().ToLowerInvariant();
        if (++_comparisons > MaxComparisons)
        {
            throw Error($"a filter may hold at most {MaxComparisons} comparisons");
        }

        if (op == "pr")
        {
            return new ScimPresentNode(path);
        }

        var compare = op switch
        {
            "eq" => ScimCompareOperator.Eq,
            "ne" => ScimCompareOperator.Ne,
            "co" => ScimCompareOperator.Co,
            "sw" => ScimCompareOperator.Sw,
            "ew" => ScimCompareOperator.Ew,
            "gt" => ScimCompareOperator.Gt,
            "ge" => ScimCompareOperator.Ge,
            "lt" => ScimCompareOperator.Lt,
            "le" => ScimCompareOperator.Le,
            "" => throw Error($"expected an operator after '{path}'", start),
            _ => throw Error($"unknown operator '{op}' (use eq, ne, co, sw, ew, gt, ge, lt, le or pr)", start),
        };
        return new ScimCompareNode(path, compare, ReadLiteral());
    }

    private object? ReadLiteral()
    {
        SkipSpaces();
        var start = _position;
        if (Peek() == '"')
        {
            return ReadString();
        }

        var word = ReadWord();
        return word.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when decimal.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            "" => throw Error("expected a value (a \"string\", a number, true, false or null)", start),
            _ => throw Error($"'{word}' is not a value; strings go in double quotes", start),
        };
    }

    private string ReadString()
    {
        var start = _position++;
        while (_position < _text.Length && _text[_position] != '"')
        {
            _position += _text[_position] == '\\' ? 2 : 1;
        }

        if (_position >= _text.Length)
        {
            throw Error("the string is not closed", start);
        }

        _position++;
        try
        {
            return JsonSerializer.Deserialize<string>(_text[start.._position])!;
        }
        catch (JsonException)
        {
            throw Error("the string has an invalid escape", start);
        }
    }

    // Attribute paths, operators, keywords and bare literals: letters, digits and - _ : . $ + (numbers' exponent sign).
    private string ReadWord()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '-' or '_' or ':' or '.' or '$' or '+'))
        {
            // A ']' or '[' ends the word; '.' after ']' is read by the caller.
            _position++;
        }

        return _text[start.._position];
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpaces();
        var end = _position + keyword.Length;
        if (end <= _text.Length && _text.AsSpan(_position, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
            && (end == _text.Length || _text[end] is ' ' or '(' or '\t'))
        {
            _position = end;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error(_position >= _text.Length ? $"expected '{c}' but the filter ended" : $"expected '{c}'");
        }

        _position++;
    }

    private char? Peek() => _position < _text.Length ? _text[_position] : null;

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private string Rest() => _text.Length - _position > 20 ? _text.Substring(_position, 20) + "…" : _text[_position..];

    private ScimException Error(string message, int? at = null) =>
        ScimException.InvalidFilter($"Invalid filter at position {(at ?? _position) + 1}: {message}.");
}
