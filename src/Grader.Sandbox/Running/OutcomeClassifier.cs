using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Running;

/// <summary>
/// Turns what was observed about a run into its outcome. A protocol violation outranks everything
/// (nothing the runner said can be believed); a final event outranks how the process ended.
/// </summary>
internal static class OutcomeClassifier
{
    public static (RunnerOutcomeKind Kind, string Message, RunnerEvent? Final) Classify(
        SupervisedRun run,
        bool openedByRunner,
        EventPipeResult? pipe,
        int? exitCode,
        string stderr,
        TimeSpan wallClock,
        long memoryLimitBytes)
    {
        if (pipe?.Violation is { } violation)
        {
            return (RunnerOutcomeKind.ProtocolViolation, $"protocol violation: {violation}", null);
        }

        switch (pipe?.Final)
        {
            case { Completed: not null } final:
                return (RunnerOutcomeKind.Completed, string.Empty, final);
            case { Failed: { } failed } final:
                return (RunnerOutcomeKind.LearnerFailed, failed.Message, final);
        }

        // The runner opens the pipe before it loads any learner code, so whatever ended a run before
        // that (bubblewrap, the runtime, a bad job) cannot be the learner's doing.
        if (!openedByRunner)
        {
            var detail = LastLine(stderr);
            var what = run.TimedOut ? $"did not start within {wallClock.TotalSeconds:0.#} s"
                : run.MemoryLimit ? $"ran out of memory before starting the job: the limit of {Mib(memoryLimitBytes)} is too small for the runtime"
                : $"ended before starting the job ({DescribeExit(exitCode)})";
            return (RunnerOutcomeKind.PlatformError, detail.Length == 0 ? $"the runner {what}" : $"the runner {what}: {detail}", null);
        }

        if (run.MemoryLimit)
        {
            return (RunnerOutcomeKind.MemoryLimit, $"memory limit: the run used more than {Mib(memoryLimitBytes)} and was stopped", null);
        }

        if (run.TimedOut)
        {
            return (RunnerOutcomeKind.TimeLimit, $"time limit: the run did not finish within {wallClock.TotalSeconds:0.#} s and was stopped", null);
        }

        if (run.OutputLimit)
        {
            return (RunnerOutcomeKind.OutputLimit, "output limit: the code printed too much and was stopped", null);
        }

        if (exitCode == RunnerExitCode.PlatformFault)
        {
            return (RunnerOutcomeKind.PlatformError, $"the runner reported a platform fault: {RunnerReason(stderr)}", null);
        }

        if (pipe?.EndedMidMessage == true && exitCode == 0)
        {
            return (RunnerOutcomeKind.ProtocolViolation, "protocol violation: the event pipe ended in the middle of an event", null);
        }

        return (RunnerOutcomeKind.Crashed, $"the runner ended ({DescribeExit(exitCode)}) without reporting a result", null);
    }

    private static string DescribeExit(int? exitCode) => exitCode switch
    {
        null => "exit status unknown",
        > 128 and < 160 => $"exit code {exitCode}, signal {SignalName(exitCode.Value - 128)}",
        _ => $"exit code {exitCode}",
    };

    private static string SignalName(int signal) => signal switch
    {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        24 => "SIGXCPU (CPU time limit)",
        25 => "SIGXFSZ (file size limit)",
        _ => signal.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Mib(long bytes) => $"{bytes / (1024 * 1024)} MiB";

    /// <summary>The runner's own one-line reason ("Grader.Runner: ..."), else the last line it printed.</summary>
    private static string RunnerReason(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith("Grader.Runner:", StringComparison.Ordinal)) ?? LastLine(text);

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l != "[truncated]") ?? string.Empty;
    }
}
