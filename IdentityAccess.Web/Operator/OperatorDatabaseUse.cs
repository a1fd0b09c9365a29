namespace IdentityAccess.Web.Operator;

internal enum OperatorDatabaseUse
{
    /// <summary>The database must exist; pending migrations are applied first, as the portal's start does.</summary>
    Existing,

    /// <summary><c>operator migrate</c>: the one command that creates a missing database.</summary>
    CreateIfMissing,

    /// <summary>Answered from configuration alone (<c>saml sp-metadata</c>, <c>help</c>).</summary>
    None,
}
