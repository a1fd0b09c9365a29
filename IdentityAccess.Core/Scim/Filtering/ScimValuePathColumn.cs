using System.Linq.Expressions;

namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>
/// A sub-attribute of a multi-valued attribute kept in its own table (<c>members.value</c>): <c>members.value eq "x"</c>
/// is translated as <c>members[value eq "x"]</c>, one EXISTS. It cannot be sorted on.
/// </summary>
internal sealed class ScimValuePathColumn<T>(Func<ScimFilterNode, Expression<Func<T, bool>>> translate, string subAttribute) : ScimColumn<T>
{
    public override LambdaExpression? SortKey => null;

    public override Expression<Func<T, bool>> Compare(ScimAttributePath path, ScimCompareOperator op, object? value) =>
        translate(new ScimCompareNode(new ScimAttributePath(null, subAttribute, null), op, value));

    public override Expression<Func<T, bool>> Present() => translate(new ScimPresentNode(new ScimAttributePath(null, subAttribute, null)));
}
