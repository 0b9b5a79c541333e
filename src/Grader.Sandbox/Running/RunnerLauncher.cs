using System.Diagnostics;
using Grader.Contracts.Runner.V1;
using Grader.Sandbox.Running.Cgroups;
using Grader.Sandbox.Running.Isolation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Running;

/// <summary>
/// Runs Grader.Runner on a learner's assembly inside bubblewrap, as an unprivileged user, under a seccomp
/// filter, in its own cgroup and with rlimits (docs/security.md), and turns whatever happens into a
/// <see cref="RunnerOutcome"/>. A host that cannot contain the run gets a PlatformError, not a weaker run,
/// unless the operator opted into a development mode, which every result then names. Results come only
/// from the job's event pipe; stdout and stderr are logs. The wall clock is our own limit (a TimeLimit
/// outcome); the caller's token cancels (an exception).
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

        if (SandboxPreflight.Plan(options, request, out var problem) is not { } plan)
        {
            return PlatformError(problem);
        }

        var memoryLimit = request.MemoryLimitBytes ?? options.DefaultMemoryLimitBytes;
        JobDirectory job;
        try
        {
            job = JobDirectory.Create(options.JobRoot, request.Job, request.Assembly, plan.User);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PlatformError($"cannot prepare a job directory under '{options.JobRoot}': {e.Message}");
        }

        JobCgroup? cgroup = null;
        try
        {
            if (plan.Cgroups is not null)
            {
                (cgroup, plan, problem) = CreateCgroup(plan, job, memoryLimit);
                if (problem is not null)
                {
                    return PlatformError(problem);
                }
            }

            foreach (var warning in plan.Warnings)
            {
                Log.Unprotected(logger, warning);
            }

            var layout = Layout(plan, job, request, memoryLimit);
            var startInfo = SandboxCommand.StartInfo(layout, plan, cgroup?.ProcsFiles ?? [], plan.Sandboxed ? job.SeccompFile : null);
            var outcome = await RunInJobAsync(startInfo, job, cgroup, memoryLimit, request.WallClock, progress, cancellationToken).ConfigureAwait(false);
            if (plan.Warnings.Count > 0)
            {
                outcome = outcome with { Logs = string.Concat(plan.Warnings.Select(w => $"*** {w} ***\n")) + outcome.Logs };
            }

            Log.Finished(logger, outcome.Kind, outcome.Elapsed, outcome.ExitCode);
            if (outcome.Kind == RunnerOutcomeKind.PlatformError)
            {
                Log.PlatformError(logger, outcome.Message);
            }

            return outcome;
        }
        finally
        {
            cgroup?.Dispose();
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

    /// <summary>The run's cgroup; when the host refuses one, a problem, or (development mode) a plan that says so.</summary>
    private (JobCgroup? Cgroup, LaunchPlan Plan, string? Problem) CreateCgroup(LaunchPlan plan, JobDirectory job, long memoryLimit)
    {
        try
        {
            return (JobCgroup.Create(plan.Cgroups!, options.CgroupParent, Path.GetFileName(job.Path), memoryLimit, options.MaxProcesses, time), plan, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = $"cannot create the run's cgroup: {e.Message}";
            return options.AllowMissingCgroups
                ? (null, plan with { Cgroups = null, Warnings = [.. plan.Warnings, SandboxPreflight.NoCgroupsWarning(why)] }, null)
                : (null, plan, SandboxPreflight.MissingCgroups(why));
        }
    }

    private SandboxLayout Layout(LaunchPlan plan, JobDirectory job, RunnerRequest request, long memoryLimit) =>
        new(plan.Dotnet, Path.GetDirectoryName(Path.GetFullPath(options.RunnerPath))!, Path.GetFileName(options.RunnerPath), job.Path, request.ReadOnlyMounts.Select(Path.GetFullPath).ToList())
        {
            Libraries = plan.Libraries,
            TmpSizeBytes = options.TmpSizeBytes,
            GcHeapLimitBytes = memoryLimit / 100 * options.GcHeapLimitPercent,
            SeccompDescriptor = plan.Sandboxed ? SandboxCommand.SeccompDescriptor : null,
        };

    private async Task<RunnerOutcome> RunInJobAsync(
        ProcessStartInfo startInfo,
        JobDirectory job,
        JobCgroup? cgroup,
        long memoryLimit,
        TimeSpan wallClock,
        IProgress<RunnerEvent>? progress,
        CancellationToken cancellationToken)
    {
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

        Log.Starting(logger, job.Path, startInfo.FileName, wallClock);
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

            // Whatever the runner left behind (a process that left the tree, a zombie's children) goes too.
            cgroup?.KillAll();

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
            run.MemoryLimit = cgroup?.OomKilled() == true;
            var (kind, message, final) = OutcomeClassifier.Classify(run, openedByRunner, pipeResult, exitCode, stderr.Text(), wallClock, memoryLimit);
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
                started?.Dataset ?? string.Empty)
            {
                PeakMemoryBytes = cgroup?.PeakMemoryBytes(),
            };
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
