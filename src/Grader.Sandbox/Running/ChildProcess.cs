using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Grader.Sandbox.Running;

/// <summary>Starting and killing the runner's process tree.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts the process from a thread that lives until the process exits. bubblewrap's
    /// --die-with-parent is PR_SET_PDEATHSIG, which fires when the *thread* that forked it ends, and
    /// thread-pool threads retire when idle: started from one, a long run would be killed at random.
    /// </summary>
    public static Process StartOnOwnThread(ProcessStartInfo startInfo)
    {
        Process? process = null;
        ExceptionDispatchInfo? failure = null;
        using var ready = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            try
            {
                process = Process.Start(startInfo) ?? throw new IOException($"'{startInfo.FileName}' did not start");
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                ready.Set();
                return;
            }

            ready.Set();
            try
            {
                process.WaitForExit();
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // Disposed by the launcher after the run: the process is gone either way.
            }
        })
        {
            IsBackground = true,
            Name = "grader-runner-parent",
        };
        thread.Start();
        ready.Wait();
        failure?.Throw();
        return process!;
    }

    public static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }
}
