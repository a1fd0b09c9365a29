namespace IdentityAccess.Web.Operator;

/// <summary>
/// A command line understood, before anything is opened: a typo is a usage error whether or not the database is
/// there. <paramref name="Database"/> says what the command needs from it.
/// </summary>
internal sealed record OperatorCommand(Func<OperatorContext, Task<int>> RunAsync, OperatorDatabaseUse Database = OperatorDatabaseUse.Existing);
