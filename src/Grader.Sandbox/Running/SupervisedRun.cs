namespace Grader.Sandbox.Running;

/// <summary>Which of the host's own limits ended a run, or whether the caller cancelled it.</summary>
internal sealed class SupervisedRun
{
    public bool TimedOut { get; set; }

    public bool Cancelled { get; set; }

    public bool OutputLimit { get; set; }
}
