using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grader.Server.Hosting;

/// <summary>
/// Crash recovery for the embedded SQLite job storage, which has no heartbeat: a job whose process was killed
/// stays "Processing" and is never fetched again. SQLite storage serves one worker process, so when that process
/// starts, every job still processing is an orphan of its dead predecessor; this puts each back on the grading
/// queue (Hangfire's own state change, as the dashboard's "requeue" does) before the Hangfire server starts
/// (hosted services start in order). The job itself finishes a submission once however often it runs.
/// PostgreSQL storage needs none of this: its sliding invisibility timeout hands such jobs on by itself.
/// </summary>
public sealed partial class OrphanedJobRequeuer(JobStorage storage, IBackgroundJobClient jobs, ILogger<OrphanedJobRequeuer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var monitoring = storage.GetMonitoringApi();
        var processing = monitoring.ProcessingJobs(0, (int)Math.Min(int.MaxValue, monitoring.ProcessingCount()));
        foreach (var (jobId, _) in processing)
        {
            var requeued = jobs.ChangeState(jobId, new EnqueuedState(JobsHostingExtensions.GradingQueue) { Reason = "Its worker process stopped without finishing it" }, ProcessingState.StateName);
            if (requeued) LogRequeued(logger, jobId);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Requeued job {JobId}, left processing by a worker process that stopped")]
    private static partial void LogRequeued(ILogger logger, string jobId);
}
