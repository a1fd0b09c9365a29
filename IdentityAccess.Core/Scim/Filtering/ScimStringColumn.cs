using System.Linq.Expressions;

namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>
/// A string attribute. caseExact=false attributes (RFC 7643: userName, displayName, emails.value…) compare on an
/// upper-cased column (a stored normalized one where it exists, so its index serves <c>eq</c>) against the upper-cased value.
/// </summary>
internal sealed class ScimStringColumn<T>(Expression<Func<T, string?>> column, bool caseExact, bool required = false) : ScimColumn<T>
{
    public override LambdaExpression SortKey => column;

    public override bool SortKeyMayBeNull => !required;

    public override Expression<Func<T, bool>> Compare(ScimAttributePath path, ScimCompareOperator op, object? value)
    {
        if (value is null)
        {
            return op switch
            {
                ScimCompareOperator.Eq => ScimExpressions.Apply(column, c => c == null),
                ScimCompareOperator.Ne => ScimExpressions.Apply(column, c => c != null),
                _ => throw WrongType(path, value, "a string"),
            };
        }

        // NFC first: userName and emails are stored NFC-normalized, so a decomposed (NFD) filter value finds the same user.
        var v = value is string text ? caseExact ? text : text.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant() : throw WrongType(path, value, "a string");
        Expression<Func<string?, bool>> predicate = op switch
        {
            ScimCompareOperator.Eq => c => c == v,
            ScimCompareOperator.Ne => c => c != v,
            ScimCompareOperator.Co => c => c != null && c.Contains(v),
            ScimCompareOperator.Sw => c => c != null && c.StartsWith(v),
            ScimCompareOperator.Ew => c => c != null && c.EndsWith(v),
            ScimCompareOperator.Gt => c => c != null && string.Compare(c, v) > 0,
            ScimCompareOperator.Ge => c => c != null && string.Compare(c, v) >= 0,
            ScimCompareOperator.Lt => c => c != null && string.Compare(c, v) < 0,
            ScimCompareOperator.Le => c => c != null && string.Compare(c, v) <= 0,
        };
        return ScimExpressions.Apply(column, predicate);
    }

    public override Expression<Func<T, bool>> Present() => ScimExpressions.Apply(column, c => c != null && c != "");
}
