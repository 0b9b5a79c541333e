namespace Grader.Runner;

/// <summary>Process exit codes the host interprets.</summary>
internal static class RunnerExitCodes
{
    /// <summary>The final event (completed or failed) was written to the pipe.</summary>
    public const int Success = 0;

    /// <summary>
    /// A platform fault (EX_SOFTWARE): unreadable job, unknown grader, a grader bug. No final event is
    /// written; the host reports ERROR rather than blaming the learner.
    /// </summary>
    public const int PlatformFault = 70;

    /// <summary>Wrong command line (EX_USAGE).</summary>
    public const int Usage = 64;
}
