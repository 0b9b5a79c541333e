using System.Threading.Channels;
using Grader.Core.Courses;
using Grader.Core.Progress;

namespace Grader.Core.Submissions;

/// <summary>
/// The worker's use case: grade one submission from whatever state a previous attempt left it in. Every step is
/// persisted (COMPILING → TRAINING → EVALUATING → terminal, with progress events), a submission found half-way
/// (after a crash) is graded again from scratch, a terminal one is left alone, a cancelled one stops its sandbox,
/// and the result commits with all its awards in one transaction that a second completion cannot repeat.
/// </summary>
public sealed class SubmissionProcessor(
    ISubmissionStore store,
    IGradingEngine engine,
    CourseContent content,
    SubmissionOptions options,
    TimeProvider time)
{
    private static readonly SubmissionState[] Restartable =
        [SubmissionState.Queued, SubmissionState.Compiling, SubmissionState.Training, SubmissionState.Evaluating];

    /// <summary>Grades <paramref name="submissionId"/>.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">
    /// The host's shutdown: grading stops and <see cref="OperationCanceledException"/> propagates, leaving the
    /// submission in its running state for the next attempt to restart (user cancellation is a state, not this token).
    /// </param>
    public async Task<ProcessResult> ProcessAsync(string submissionId, CancellationToken cancellationToken)
    {
        var submission = await store.GetAsync(submissionId, cancellationToken).ConfigureAwait(false);
        if (submission is null)
        {
            return new ProcessResult(ProcessOutcome.NotFound, null, 0);
        }

        if (submission.State.IsTerminal())
        {
            return new ProcessResult(submission.State == SubmissionState.Cancelled ? ProcessOutcome.Cancelled : ProcessOutcome.AlreadyFinished, submission, 0);
        }

        var attempt = submission.Attempts + 1;
        var message = submission.State.IsRunning()
            ? $"compiling (attempt {attempt}: the previous attempt was interrupted while {submission.State.ToName()}, so grading restarts)"
            : "compiling";
        if (await store.TransitionAsync(submissionId, Restartable, SubmissionState.Compiling, message, time.GetUtcNow(), true, cancellationToken).ConfigureAwait(false) is null)
        {
            return await FinishedMeanwhileAsync(submissionId, attempt, cancellationToken).ConfigureAwait(false);
        }

        if (!content.Exercises.TryGet(submission.ExerciseId, out var exercise))
        {
            var missing = PlatformError(submission, $"exercise '{submission.ExerciseId}' is no longer in the content catalogue");
            return await CompleteAsync(submissionId, missing, null, attempt, null, cancellationToken).ConfigureAwait(false);
        }

        var sources = await store.GetSourcesAsync(submissionId, cancellationToken).ConfigureAwait(false);
        using var grading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reports = Channel.CreateUnbounded<GradingProgress>(new UnboundedChannelOptions { SingleReader = true });
        var writer = PersistProgressAsync(submissionId, reports.Reader, grading, cancellationToken);
        var watcher = WatchForCancellationAsync(submissionId, grading);
        SubmissionResult result;
        Exception? fault = null;
        try
        {
            result = await engine.GradeAsync(
                new GradingJob(submission, exercise, sources),
                new Progress(reports.Writer),
                grading.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the host shutting down, so the submission was cancelled (or finished elsewhere): its state says so.
            await StopAsync(reports, grading, writer, watcher).ConfigureAwait(false);
            return await FinishedMeanwhileAsync(submissionId, attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host is shutting down: stop the helpers (their own writes may be cancelled too) and let the
            // job framework retry; the submission stays in its running state and the next attempt restarts it.
            await StopQuietlyAsync(reports, grading, writer, watcher).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            fault = ex;
            result = PlatformError(submission, $"the grading platform failed: {ex.Message}");
        }
        finally
        {
            reports.Writer.TryComplete();
        }

        await StopAsync(reports, grading, writer, watcher).ConfigureAwait(false);
        return await CompleteAsync(submissionId, result, exercise, attempt, fault, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcessResult> CompleteAsync(
        string submissionId, SubmissionResult result, Exercises.ExerciseDefinition? exercise, int attempt, Exception? fault, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Func<AwardContext, AwardDecision> decide = exercise is null || !result.State.IsGraded()
            ? _ => AwardDecision.None
            : context => ProgressRules.Decide(context, result, exercise, content.Progression, now);
        var completed = await store.CompleteAsync(submissionId, result, decide, now, cancellationToken).ConfigureAwait(false);
        if (completed is null)
        {
            return await FinishedMeanwhileAsync(submissionId, attempt, cancellationToken).ConfigureAwait(false);
        }

        return new ProcessResult(result.State.IsGraded() ? ProcessOutcome.Graded : ProcessOutcome.PlatformError, completed, attempt, fault);
    }

    private async Task<ProcessResult> FinishedMeanwhileAsync(string submissionId, int attempt, CancellationToken cancellationToken)
    {
        var now = await store.GetAsync(submissionId, cancellationToken).ConfigureAwait(false);
        return now?.State == SubmissionState.Cancelled
            ? new ProcessResult(ProcessOutcome.Cancelled, now, attempt)
            : new ProcessResult(ProcessOutcome.AlreadyFinished, now, attempt);
    }

    // Progress arrives synchronously on the runner's reader thread; a channel hands it to one async writer so the
    // events keep their order and the database never blocks the sandbox's pipe.
    private async Task PersistProgressAsync(string submissionId, ChannelReader<GradingProgress> reader, CancellationTokenSource grading, CancellationToken cancellationToken)
    {
        var state = SubmissionState.Compiling;
        await foreach (var report in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            var attempted = true;
            SubmissionEvent? written = null;
            switch (report.Stage)
            {
                case GradingStage.TrainingStarted when state == SubmissionState.Compiling:
                    written = await store.TransitionAsync(submissionId, [SubmissionState.Compiling], SubmissionState.Training, report.Message, now, false, cancellationToken).ConfigureAwait(false);
                    break;
                case GradingStage.Evaluating when state == SubmissionState.Training:
                    written = await store.TransitionAsync(submissionId, [SubmissionState.Training], SubmissionState.Evaluating, report.Message, now, false, cancellationToken).ConfigureAwait(false);
                    break;
                case GradingStage.EpochCompleted when state == SubmissionState.Training:
                    written = await store.AppendProgressAsync(submissionId, state, report.Message, report.Fraction, report.Epoch, now, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    attempted = false;
                    break;
            }

            if (written is not null)
            {
                state = written.State;
            }
            else if (attempted)
            {
                // The guarded write found the submission no longer where this job left it: cancelled meanwhile.
                await grading.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task WatchForCancellationAsync(string submissionId, CancellationTokenSource grading)
    {
        try
        {
            while (!grading.IsCancellationRequested)
            {
                await Task.Delay(options.CancellationPollInterval, time, grading.Token).ConfigureAwait(false);
                var current = await store.GetAsync(submissionId, grading.Token).ConfigureAwait(false);
                if (current is null || current.State.IsTerminal())
                {
                    await grading.CancelAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: grading finished or was cancelled.
        }
    }

    private static async Task StopAsync(Channel<GradingProgress> reports, CancellationTokenSource grading, Task writer, Task watcher)
    {
        reports.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await grading.CancelAsync().ConfigureAwait(false);
        await watcher.ConfigureAwait(false);
    }

    private static async Task StopQuietlyAsync(Channel<GradingProgress> reports, CancellationTokenSource grading, Task writer, Task watcher)
    {
        try
        {
            await StopAsync(reports, grading, writer, watcher).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await grading.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }
    }

    private static SubmissionResult PlatformError(Submission submission, string summary) => new(
        SubmissionState.Error, "platform_error", summary, 0, 0, submission.Dataset, "", [], new Dictionary<string, double>(), [], [], "", 0);

    private sealed class Progress(ChannelWriter<GradingProgress> writer) : IProgress<GradingProgress>
    {
        public void Report(GradingProgress value) => writer.TryWrite(value);
    }
}
