namespace Grader.Sandbox.Running;

/// <summary>Which of the host's limits ended a run, or whether the caller cancelled it.</summary>
internal sealed class SupervisedRun
{
    public bool TimedOut { get; set; }

    public bool Cancelled { get; set; }

    public bool OutputLimit { get; set; }

    /// <summary>The kernel's OOM killer fired in the run's cgroup.</summary>
    public bool MemoryLimit { get; set; }
}
