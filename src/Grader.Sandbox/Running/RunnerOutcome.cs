using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Running;

/// <summary>What a sandboxed run produced.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Message">A one-line human explanation (empty when completed).</param>
/// <param name="Completed">The measurements, when <paramref name="Kind"/> is Completed.</param>
/// <param name="Failed">The runner's reason, when <paramref name="Kind"/> is LearnerFailed.</param>
/// <param name="Logs">stdout and stderr, each capped; a cut stream ends with "[truncated]".</param>
/// <param name="ExitCode">The process's exit code (128 + signal when killed), null if it never started.</param>
/// <param name="Elapsed">From starting the process to the end of the run.</param>
/// <param name="TimeToStarted">From starting the process to the runner's Started event, if it came.</param>
/// <param name="Device">From the Started event ("cpu" or "cuda"), empty if none came.</param>
/// <param name="Dataset">From the Started event, empty if none came.</param>
public sealed record RunnerOutcome(
    RunnerOutcomeKind Kind,
    string Message,
    RunCompleted? Completed,
    RunFailed? Failed,
    string Logs,
    int? ExitCode,
    TimeSpan Elapsed,
    TimeSpan? TimeToStarted,
    string Device,
    string Dataset)
{
    /// <summary>The most memory the process tree used at once (from its cgroup), when it had one.</summary>
    public long? PeakMemoryBytes { get; init; }
}
