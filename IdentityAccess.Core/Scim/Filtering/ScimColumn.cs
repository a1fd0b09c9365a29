using System.Linq.Expressions;

namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>How one filterable SCIM attribute becomes a SQL predicate (and a sort key) on a column of <typeparamref name="T"/>.</summary>
internal abstract class ScimColumn<T>
{
    /// <summary>The column to order by for sortBy (RFC 7644 §3.4.2.3), or null when the attribute cannot be sorted on.</summary>
    public abstract LambdaExpression? SortKey { get; }

    /// <summary>Whether the column can be NULL, so that sortBy must say where NULLs go (and cannot simply walk an index).</summary>
    public virtual bool SortKeyMayBeNull => SortKey is { ReturnType.IsValueType: false };

    public abstract Expression<Func<T, bool>> Compare(ScimAttributePath path, ScimCompareOperator op, object? value);

    public abstract Expression<Func<T, bool>> Present();

    protected static ScimException Unsupported(ScimAttributePath path, ScimCompareOperator op, string kind) =>
        ScimException.InvalidFilter($"'{path}' is {kind}: the '{op.ToString().ToLowerInvariant()}' operator does not apply to it.");

    protected static ScimException WrongType(ScimAttributePath path, object? value, string kind) =>
        ScimException.InvalidFilter($"'{path}' is {kind}; {(value is null ? "null" : value is string ? "a string" : value.ToString()?.ToLowerInvariant())} is not a value to compare it with.");
}

/// <summary>Builds predicates on one lambda parameter, so that EF Core translates their composition to one WHERE clause.</summary>
internal static class ScimExpressions
{
    public static Expression<Func<T, bool>> Apply<T, TColumn>(Expression<Func<T, TColumn>> column, Expression<Func<TColumn, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Replace(predicate.Body, predicate.Parameters[0], column.Body), column.Parameters);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Replace(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Replace(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> inner) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(inner.Body), inner.Parameters);

    public static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Replacer(from, to).Visit(body);

    private sealed class Replacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
