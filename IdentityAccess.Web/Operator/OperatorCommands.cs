namespace IdentityAccess.Web.Operator;

/// <summary>
/// The operator command line, in the same app so it uses the same configuration and database:
/// <c>dotnet run --project IdentityAccess.Web -- operator scim-token create|list|revoke …</c>. For automation; every
/// change is audited as the operator. Answers on standard output, refusals and logs on standard error, <c>--json</c>
/// for machines, and one table of exit codes (<see cref="OperatorExitCodes"/>).
/// </summary>
internal static class OperatorCommands
{
    public const string Verb = "operator";

    /// <summary>Anywhere after <see cref="Verb"/>: one JSON document per answer or refusal.</summary>
    public const string JsonSwitch = "--json";

    /// <summary>"operator" anywhere: configuration switches (--Database:Provider …) may come before it.</summary>
    public static bool IsOperatorCommand(string[] args) => Array.IndexOf(args, Verb) >= 0;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var words = args.Skip(Array.IndexOf(args, Verb) + 1).ToArray();
        var console = new OperatorConsole(output, error, words.Contains(JsonSwitch));
        words = [.. words.Where(word => word != JsonSwitch)];
        if (words is ["help"] or ["--help"] or ["-h"])
        {
            return await console.HelpAsync(OperatorUsage.Text);
        }

        // Understood before the database is opened: a typo is a usage error whether or not the database is there.
        if (Parse(words) is not { } command)
        {
            return await console.UsageAsync(words.Length == 0 ? "No command given." : $"Unknown command or arguments: operator {string.Join(' ', words)}",
                OperatorUsage.Text);
        }

        var context = new OperatorContext(services, console);
        return await OperatorDatabase.PrepareAsync(context, command.Database) ?? await command.RunAsync(context);
    }

    private static OperatorCommand? Parse(string[] words) => words switch
    {
        ["scim-token", .. var rest] => OperatorScimTokenCommands.Parse(rest),
        ["domain", .. var rest] => OperatorDomainCommands.Parse(rest),
        ["saml", .. var rest] => OperatorSamlCommands.Parse(rest),
        ["parent-admin", .. var rest] => OperatorParentAdminCommands.Parse(rest),
        ["outbox", .. var rest] => OperatorOutboxCommands.Parse(rest),
        ["migrate"] => OperatorDatabase.Migrate,
        _ => null,
    };
}
