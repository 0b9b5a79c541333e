using Grader.Core.Submissions;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Grader.Server.Jobs;

/// <summary>
/// The Hangfire job that grades one submission. All the work is <see cref="SubmissionProcessor"/>'s; this class
/// only binds it to Hangfire (queue, retries) and logs what happened.
/// </summary>
public sealed partial class GradeSubmissionJob(SubmissionProcessor processor, ILogger<GradeSubmissionJob> logger)
{
    /// <summary>The Hangfire queue grading jobs go to; workers must listen on it.</summary>
    public const string Queue = "grading";

    /// <summary>Grades <paramref name="submissionId"/>.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Hangfire substitutes its shutdown token: on shutdown grading stops and the job is retried later.</param>
    /// <remarks>
    /// Retries: learner failures and platform faults inside grading are results (FAILED / ERROR), not
    /// exceptions, so what reaches Hangfire is infrastructure trouble: the database unavailable, the host
    /// stopping. Those are worth a few retries, and retrying is safe because the processor restarts a half-done
    /// submission from scratch and the completing transaction pays awards once. Three attempts with Hangfire's
    /// growing delays cover a restart or a brief database outage without hammering a broken one; a job that
    /// still fails goes to Hangfire's Failed list (visible on the dashboard) instead of being deleted, so an
    /// operator can requeue it.
    /// </remarks>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string submissionId, CancellationToken cancellationToken)
    {
        Log.Starting(logger, submissionId);
        ProcessResult result;
        try
        {
            result = await processor.ProcessAsync(submissionId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Interrupted(logger, submissionId);
            throw;
        }

        switch (result.Outcome)
        {
            case ProcessOutcome.NotFound:
                Log.NotFound(logger, submissionId);
                break;
            case ProcessOutcome.AlreadyFinished:
                Log.AlreadyFinished(logger, submissionId, result.Submission?.State ?? SubmissionState.Queued);
                break;
            case ProcessOutcome.Cancelled:
                Log.Cancelled(logger, submissionId);
                break;
            case ProcessOutcome.PlatformError:
                Log.PlatformError(logger, result.Fault, submissionId, result.Submission?.Result?.Summary ?? "");
                break;
            default:
                Log.Graded(logger, submissionId, result.Submission!.State, result.Attempt, result.Submission.XpAwarded);
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Grading submission {SubmissionId}")]
        public static partial void Starting(ILogger logger, string submissionId);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Submission {SubmissionId} graded {State} on attempt {Attempt}; {Xp} XP awarded")]
        public static partial void Graded(ILogger logger, string submissionId, SubmissionState state, int attempt, int xp);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Submission {SubmissionId} no longer exists; nothing to grade")]
        public static partial void NotFound(ILogger logger, string submissionId);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Submission {SubmissionId} was already {State}; left alone")]
        public static partial void AlreadyFinished(ILogger logger, string submissionId, SubmissionState state);

        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Submission {SubmissionId} was cancelled; grading stopped")]
        public static partial void Cancelled(ILogger logger, string submissionId);

        [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Submission {SubmissionId} ended in ERROR (platform fault): {Summary}")]
        public static partial void PlatformError(ILogger logger, Exception? exception, string submissionId, string summary);

        [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Grading of submission {SubmissionId} interrupted by shutdown; it restarts on the next attempt")]
        public static partial void Interrupted(ILogger logger, string submissionId);
    }
}
