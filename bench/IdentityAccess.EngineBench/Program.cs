// The rule engine alone, with BenchmarkDotNet: the dry-run diff the settings page shows before a save, over a parent
// with three organizations, 200 directory groups and N people. Prints a table; asserts nothing.
// Usage: dotnet run -c Release --project bench/IdentityAccess.EngineBench
using BenchmarkDotNet.Running;

BenchmarkRunner.Run<IdentityAccess.EngineBench.DryRunBenchmark>(args: args);
