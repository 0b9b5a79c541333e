namespace Grader.Sandbox.Running;

/// <summary>How a sandboxed run ended. Only <see cref="PlatformError"/> is not the learner's doing.</summary>
public enum RunnerOutcomeKind
{
    /// <summary>The runner reported RunCompleted.</summary>
    Completed,

    /// <summary>The runner reported RunFailed: the learner's code could not be graded.</summary>
    LearnerFailed,

    /// <summary>The host's wall clock ran out and the process tree was killed.</summary>
    TimeLimit,

    /// <summary>The process ended (exit code or signal) without a final event.</summary>
    Crashed,

    /// <summary>The process tree hit its memory limit and the kernel killed it.</summary>
    MemoryLimit,

    /// <summary>stdout or stderr exceeded the output limit and the process tree was killed.</summary>
    OutputLimit,

    /// <summary>The pipe carried something the protocol does not allow.</summary>
    ProtocolViolation,

    /// <summary>The platform failed: sandbox, runtime or runner missing, job directory, runner fault.</summary>
    PlatformError,
}
