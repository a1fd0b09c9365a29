using System.Globalization;
using System.Linq.Expressions;

namespace IdentityAccess.Core.Scim.Filtering;

/// <summary><c>active</c>: eq and ne with true or false (Entra's "True"/"False" strings too).</summary>
internal sealed class ScimBoolColumn<T>(Expression<Func<T, bool>> column) : ScimColumn<T>
{
    public override LambdaExpression SortKey => column;

    public override Expression<Func<T, bool>> Compare(ScimAttributePath path, ScimCompareOperator op, object? value)
    {
        var v = value switch
        {
            bool b => b,
            string s when bool.TryParse(s.Trim(), out var parsed) => parsed,
            _ => throw WrongType(path, value, "a boolean"),
        };
        return op switch
        {
            ScimCompareOperator.Eq => ScimExpressions.Apply(column, c => c == v),
            ScimCompareOperator.Ne => ScimExpressions.Apply(column, c => c != v),
            _ => throw Unsupported(path, op, "a boolean"),
        };
    }

    public override Expression<Func<T, bool>> Present() => _ => true;
}

/// <summary><c>id</c>: eq and ne. A value that is not a GUID is no id of ours: eq matches nothing, ne everything.</summary>
internal sealed class ScimIdColumn<T>(Expression<Func<T, Guid>> column) : ScimColumn<T>
{
    public override LambdaExpression SortKey => column;

    public override Expression<Func<T, bool>> Compare(ScimAttributePath path, ScimCompareOperator op, object? value)
    {
        if (value is not string text)
        {
            throw WrongType(path, value, "a string (an id)");
        }

        var parsed = Guid.TryParse(text, out var id);
        return op switch
        {
            ScimCompareOperator.Eq => parsed ? ScimExpressions.Apply(column, c => c == id) : _ => false,
            ScimCompareOperator.Ne => parsed ? ScimExpressions.Apply(column, c => c != id) : _ => true,
            _ => throw Unsupported(path, op, "an id"),
        };
    }

    public override Expression<Func<T, bool>> Present() => _ => true;
}

/// <summary><c>meta.created</c> and <c>meta.lastModified</c>: compared as instants, whatever offset the value is written in.</summary>
internal sealed class ScimDateColumn<T>(Expression<Func<T, DateTimeOffset>> column) : ScimColumn<T>
{
    public override LambdaExpression SortKey => column;

    public override Expression<Func<T, bool>> Compare(ScimAttributePath path, ScimCompareOperator op, object? value)
    {
        // UTC, as stored: SQLite keeps times as a binary form whose order holds only for one offset.
        var v = value is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : throw WrongType(path, value, "a date-time (\"2026-12-04T10:00:00Z\")");
        Expression<Func<DateTimeOffset, bool>> predicate = op switch
        {
            ScimCompareOperator.Eq => c => c == v,
            ScimCompareOperator.Ne => c => c != v,
            ScimCompareOperator.Gt => c => c > v,
            ScimCompareOperator.Ge => c => c >= v,
            ScimCompareOperator.Lt => c => c < v,
            ScimCompareOperator.Le => c => c <= v,
            ScimCompareOperator.Co or ScimCompareOperator.Sw or ScimCompareOperator.Ew => throw Unsupported(path, op, "a date-time"),
        };
        return ScimExpressions.Apply(column, predicate);
    }

    public override Expression<Func<T, bool>> Present() => _ => true;
}
