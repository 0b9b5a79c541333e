namespace Grader.Sandbox.Grading;

/// <summary>
/// The machine-readable <c>reason</c> of a <c>grader.v1.GradingResult</c> that is not a pass. Each names one way a
/// run can end; clients match on them, so a reason never changes meaning. A learner-side failure the runner
/// reports keeps the runner's own reason (entry_point_missing, model_error, …), checked by <see cref="RunnerReportRules"/>.
/// </summary>
public static class GradingReasons
{
    /// <summary>FAILED: the code did not compile or broke the API policy; nothing ran.</summary>
    public const string CompileError = "compile_error";

    /// <summary>FAILED: the wall clock (the host's) or the recipe's training budget (the runner's) ran out.</summary>
    public const string TimeLimit = "time_limit";

    /// <summary>FAILED: the run's memory limit was hit (the kernel's limit, or the runtime's heap limit inside it).</summary>
    public const string MemoryLimit = "memory_limit";

    /// <summary>FAILED: the code printed more than the output limit.</summary>
    public const string OutputLimit = "output_limit";

    /// <summary>FAILED: the runner died (exit code or signal) after the learner's code began to run.</summary>
    public const string Crashed = "crashed";

    /// <summary>FAILED: the runner said something the protocol does not allow, or something unbelievable.</summary>
    public const string ProtocolViolation = "protocol_violation";

    /// <summary>FAILED: the run completed and at least one rubric criterion failed.</summary>
    public const string CriteriaFailed = "criteria_failed";

    /// <summary>
    /// ERROR: the platform failed (sandbox, runner or dataset missing, a runner fault or a wrong Started event before
    /// learner code ran). Never the learner's doing, so it costs no attempt.
    /// </summary>
    public const string PlatformError = "platform_error";
}
