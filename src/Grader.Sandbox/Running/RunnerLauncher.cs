using System.Diagnostics;
using Grader.Contracts.Runner.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Running;

/// <summary>
/// Runs Grader.Runner on a learner's assembly inside bubblewrap and turns whatever happens into a
/// <see cref="RunnerOutcome"/>. Results come only from the job's event pipe; stdout and stderr are logs.
/// The wall clock is our own limit (a TimeLimit outcome); the caller's token cancels (an exception).
/// </summary>
public sealed partial class RunnerLauncher
{
    /// <summary>How long the runner may take to exit after its final event before it is killed.</summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the pipe and output streams to end once the process is gone.</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    private readonly SandboxOptions options;
    private readonly ILogger<RunnerLauncher> logger;
    private readonly TimeProvider time;

    public RunnerLauncher(IOptions<SandboxOptions> options, ILogger<RunnerLauncher> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        this.time = time;
    }

    /// <summary>
    /// Runs the learner's assembly and returns how it ended. <paramref name="progress"/> is called on
    /// the pipe-reading thread for every event, in order. Throws <see cref="OperationCanceledException"/>
    /// only when <paramref name="cancellationToken"/> is cancelled; every other ending is an outcome.
    /// </summary>
    public async Task<RunnerOutcome> RunAsync(RunnerRequest request, IProgress<RunnerEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.WallClock, TimeSpan.Zero, nameof(request));
        if (request.Assembly.Length == 0)
        {
            throw new ArgumentException("The learner assembly is empty.", nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (FindPlatformProblem(request, out var dotnet, out var sandboxed) is { } problem)
        {
            return PlatformError(problem);
        }

        JobDirectory job;
        try
        {
            job = JobDirectory.Create(options.JobRoot, request.Job, request.Assembly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PlatformError($"cannot prepare a job directory under '{options.JobRoot}': {e.Message}");
        }

        try
        {
            var layout = new SandboxLayout(
                dotnet,
                Path.GetDirectoryName(Path.GetFullPath(options.RunnerPath))!,
                Path.GetFileName(options.RunnerPath),
                job.Path,
                request.ReadOnlyMounts.Select(Path.GetFullPath).ToList());
            var outcome = await RunInJobAsync(layout, job, sandboxed, request.WallClock, progress, cancellationToken).ConfigureAwait(false);
            Log.Finished(logger, outcome.Kind, outcome.Elapsed, outcome.ExitCode);
            if (outcome.Kind == RunnerOutcomeKind.PlatformError)
            {
                Log.PlatformError(logger, outcome.Message);
            }

            return outcome;
        }
        finally
        {
            try
            {
                job.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.DeleteFailed(logger, job.Path, e);
            }
        }
    }

    private string? FindPlatformProblem(RunnerRequest request, out string dotnet, out bool sandboxed)
    {
        sandboxed = File.Exists(options.BubblewrapPath);
        dotnet = DotnetLocator.Find(options.DotnetPath, Environment.ProcessPath) ?? string.Empty;

        if (!sandboxed && !options.AllowUnsandboxed)
        {
            return $"bubblewrap not found at '{options.BubblewrapPath}'; install it or set Sandbox:AllowUnsandboxed=true for development only";
        }

        if (!File.Exists(options.RunnerPath))
        {
            return $"the runner was not found at '{options.RunnerPath}'; build src/Grader.Runner or set Sandbox:RunnerPath";
        }

        if (dotnet.Length == 0)
        {
            return string.IsNullOrWhiteSpace(options.DotnetPath)
                ? "the dotnet host was not found; install the .NET runtime or set Sandbox:DotnetPath"
                : $"the dotnet host was not found at '{options.DotnetPath}' (Sandbox:DotnetPath)";
        }

        if (request.ReadOnlyMounts.FirstOrDefault(m => !Path.IsPathFullyQualified(m) || !Path.Exists(m)) is { } mount)
        {
            return $"the read-only mount '{mount}' is not an existing absolute path";
        }

        if (!sandboxed)
        {
            Log.Unsandboxed(logger, options.BubblewrapPath);
        }

        return null;
    }

    private async Task<RunnerOutcome> RunInJobAsync(
        SandboxLayout layout,
        JobDirectory job,
        bool sandboxed,
        TimeSpan wallClock,
        IProgress<RunnerEvent>? progress,
        CancellationToken cancellationToken)
    {
        var startInfo = BubblewrapCommand.StartInfo(layout, sandboxed ? options.BubblewrapPath : null);
        var startedAt = time.GetTimestamp();
        Started? started = null;
        TimeSpan? timeToStarted = null;

        // Open our end before the runner exists: its open() for writing then never waits on us.
        var pipe = EventPipeReader.Start(job.EventsPipe, runnerEvent =>
        {
            if (runnerEvent.Started is { } s && started is null)
            {
                started = s;
                timeToStarted = time.GetElapsedTime(startedAt);
            }

            progress?.Report(runnerEvent);
        });

        Log.Starting(logger, job.Path, sandboxed, wallClock);
        Process process;
        try
        {
            process = ChildProcess.StartOnOwnThread(startInfo);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            await pipe.FinishAfterExitAsync(DrainGrace, time).ConfigureAwait(false);
            return PlatformError($"cannot start '{startInfo.FileName}': {e.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = CappedOutput.Start(process.StandardOutput.BaseStream, options.LogCapBytes, options.OutputLimitBytes);
            var stderr = CappedOutput.Start(process.StandardError.BaseStream, options.LogCapBytes, options.OutputLimitBytes);
            var run = await SuperviseAsync(process, pipe, stdout, stderr, wallClock, cancellationToken).ConfigureAwait(false);

            var openedByRunner = pipe.Opened;
            var pipeResult = await pipe.FinishAfterExitAsync(DrainGrace, time).ConfigureAwait(false);
            try
            {
                await Task.WhenAll(stdout.Drained, stderr.Drained).WaitAsync(DrainGrace, time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Log.StrayWriter(logger, job.Path);
            }

            if (pipeResult is null)
            {
                Log.StrayWriter(logger, job.Path);
            }

            if (run.Cancelled)
            {
                throw new OperationCanceledException("The run was cancelled by the caller.", cancellationToken);
            }

            int? exitCode = process.HasExited ? process.ExitCode : null;
            var (kind, message, final) = OutcomeClassifier.Classify(run, openedByRunner, pipeResult, exitCode, stderr.Text(), wallClock);
            return new RunnerOutcome(
                kind,
                message,
                final?.Completed,
                final?.Failed,
                CappedOutput.Combine(stdout, stderr),
                exitCode,
                time.GetElapsedTime(startedAt),
                timeToStarted,
                started?.Device ?? string.Empty,
                started?.Dataset ?? string.Empty);
        }
    }

    /// <summary>Waits for the first of: exit, final event or violation, output flood, wall clock, cancellation.</summary>
    private async Task<SupervisedRun> SuperviseAsync(
        Process process,
        EventPipeReader pipe,
        CappedOutput stdout,
        CappedOutput stderr,
        TimeSpan wallClock,
        CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(wallClock, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var flooded = Task.WhenAny(stdout.LimitExceeded, stderr.LimitExceeded);
        var run = new SupervisedRun();
        try
        {
            var first = await Task.WhenAny(exited, pipe.Settled, flooded).WaitAsync(linked.Token).ConfigureAwait(false);
            if (first == flooded)
            {
                run.OutputLimit = true;
            }
            else if (first == pipe.Settled && !exited.IsCompleted)
            {
                // A final event (or the pipe's end) means the runner is done; a violation means it
                // cannot be believed any more. Either way it has a short grace to exit on its own.
                var violated = pipe.Completion.IsCompletedSuccessfully && pipe.Completion.Result.Violation is not null;
                if (!violated)
                {
                    await exited.WaitAsync(ExitGrace, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (TimeoutException)
        {
            // Done with the pipe but would not exit: killed below; a final event already read still stands.
        }
        catch (OperationCanceledException)
        {
            run.Cancelled = cancellationToken.IsCancellationRequested;
            run.TimedOut = !run.Cancelled;
        }

        if (!process.HasExited)
        {
            ChildProcess.KillTree(process);
        }

        try
        {
            await exited.WaitAsync(ExitGrace, time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Unkillable (e.g. stuck in the kernel); the outcome is still decided below.
        }

        return run;
    }


    private RunnerOutcome PlatformError(string reason)
    {
        Log.PlatformError(logger, reason);
        return new RunnerOutcome(RunnerOutcomeKind.PlatformError, reason, null, null, string.Empty, null, TimeSpan.Zero, null, string.Empty, string.Empty);
    }
}
