namespace Grader.Sandbox.Running;

/// <summary>Exit codes of Grader.Runner the host gives meaning to (kept in step with the runner).</summary>
internal static class RunnerExitCode
{
    /// <summary>EX_SOFTWARE: the runner hit a platform fault (bad job, unknown grader, grader bug).</summary>
    public const int PlatformFault = 70;
}
