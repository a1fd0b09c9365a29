// The rule engine alone, with BenchmarkDotNet. Without arguments: the dry-run diff the settings page shows before a
// save, over a parent with three organizations, 200 directory groups and N people. With BenchmarkDotNet's arguments,
// e.g. --filter "*Reactivation*": the benchmarks they pick. Prints a table; asserts nothing.
// Usage: dotnet run -c Release --project bench/IdentityAccess.EngineBench [-- --filter "*Reactivation*"]
using BenchmarkDotNet.Running;

if (args.Length == 0)
{
    BenchmarkRunner.Run<IdentityAccess.EngineBench.DryRunBenchmark>();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(IdentityAccess.EngineBench.DryRunBenchmark).Assembly).Run(args);
}
