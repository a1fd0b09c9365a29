namespace IdentityAccess.Web.Operator;

internal static class OperatorUsage
{
    public const string Text = """
        Usage: operator <command> [--json]
          operator scim-token create --parent <parent name or id>    prints the new token (shown once)
          operator scim-token list   --parent <parent name or id>
          operator scim-token revoke --parent <parent name or id> --id <token id> [--confirm <token prefix>]
          operator domain list       --parent <parent name or id>    domains, status and the TXT value to publish
          operator saml import-metadata --parent <parent name or id> (--file <path> | --url <https url>) [--profile entra|okta|google|onelogin|jumpcloud|pingone|adfs]
          operator saml sp-metadata                                   our SP metadata (needs Portal:PublicBaseUrl)
          operator parent-admin list   --parent <parent name or id>
          operator parent-admin grant  --parent <parent name or id> --email <email>   a member of one of its organizations
          operator parent-admin revoke --parent <parent name or id> --email <email>   never the last one
          operator outbox list [--unsent]                             emails written, newest first (links shown until sent)
          operator migrate                                            creates the database if missing, applies migrations
          operator help
        --json: the answer as one JSON document on standard output; a refusal as {"error": {"code", "message"}} on standard error.
        Exit codes: 0 done, 1 refused by a rule, 2 not found (parent, organization, token, person, file),
        64 usage error, 69 database missing or unreachable (every command but migrate refuses a missing database).
        """;
}
