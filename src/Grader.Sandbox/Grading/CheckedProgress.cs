using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Grading;

/// <summary>
/// Sits between the launcher and the caller's progress: each event is checked first, the caller sees only what
/// passed (epochs with the host's test accuracy, without raw predictions), and a violation stops the run.
/// </summary>
internal sealed class CheckedProgress(RunnerReportChecker checker, IProgress<RunnerEvent>? inner, CancellationTokenSource stop) : IProgress<RunnerEvent>
{
    public void Report(RunnerEvent value)
    {
        if (checker.Observe(value) is { } passed)
        {
            inner?.Report(passed);
            return;
        }

        // Called on the pipe-reading thread: cancel without running the launcher's continuations here. A stray
        // event after the run has ended finds the source disposed; there is nothing left to stop then.
        try
        {
            _ = stop.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
