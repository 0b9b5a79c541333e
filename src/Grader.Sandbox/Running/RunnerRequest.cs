using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Running;

/// <summary>One run of the learner's compiled assembly under an exercise grader.</summary>
/// <param name="Assembly">The compiled learner assembly; written to the job directory as <c>Job.AssemblyFile</c>.</param>
/// <param name="Job">The job spec the runner reads.</param>
/// <param name="WallClock">The host's hard limit for the whole run, start-up included.</param>
/// <param name="ReadOnlyMounts">Host directories (e.g. a dataset) made visible read-only at the same path.</param>
public sealed record RunnerRequest(byte[] Assembly, RunJob Job, TimeSpan WallClock, IReadOnlyList<string> ReadOnlyMounts)
{
    public RunnerRequest(byte[] assembly, RunJob job, TimeSpan wallClock) : this(assembly, job, wallClock, [])
    {
    }

    /// <summary>
    /// The memory limit for the whole process tree (the exercise profile's <c>memory_mb</c>); null:
    /// <see cref="SandboxOptions.DefaultMemoryLimitBytes"/>. The runner's .NET heap gets a share of it.
    /// </summary>
    public long? MemoryLimitBytes { get; init; }
}
