using Grader.Core.Submissions;
using Hangfire;

namespace Grader.Server.Jobs;

/// <summary><see cref="ISubmissionQueue"/> over Hangfire: one <see cref="GradeSubmissionJob"/> per submission on the "grading" queue.</summary>
internal sealed class HangfireSubmissionQueue(IBackgroundJobClient jobs) : ISubmissionQueue
{
    public Task<string> EnqueueAsync(string submissionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Hangfire replaces the CancellationToken argument with its shutdown token when the job runs.
        var id = jobs.Enqueue<GradeSubmissionJob>(GradeSubmissionJob.Queue, job => job.RunAsync(submissionId, CancellationToken.None));
        return Task.FromResult(id);
    }
}
