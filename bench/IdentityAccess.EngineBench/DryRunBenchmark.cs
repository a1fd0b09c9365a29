using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.EngineBench;

/// <summary>
/// Evaluates the draft "SCIM with group mappings" for three organizations of one parent (two chat, one Console) at
/// once, as a save's dry run does. In process: the repository's build settings stay out of BenchmarkDotNet's way.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class DryRunBenchmark
{
    private IReadOnlyList<ProvisioningInput> _inputs = [];
    private IReadOnlyList<ProvisioningInput> _topRoleLeaves = [];

    [Params(10_000, 100_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = EngineInputs.ThreeOrganizations(People, groups: 200, seed: 42);
        _topRoleLeaves = EngineInputs.ThreeOrganizations(People, groups: 200, seed: 42, topRoleMapped: false);
    }

    [Benchmark]
    public int DryRunThreeOrganizations() => Changed(_inputs);

    /// <summary>The worst case of "never zero top role": every Owner (Console: Admin) demoted, one kept, each organization evaluated twice.</summary>
    [Benchmark]
    public int DryRunEveryTopRoleLeaves() => Changed(_topRoleLeaves);

    private static int Changed(IReadOnlyList<ProvisioningInput> inputs)
    {
        var changed = 0;
        foreach (var input in inputs)
        {
            changed += ProvisioningRules.Evaluate(input).Changed.Count();
        }

        return changed;
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
