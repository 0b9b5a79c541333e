using System.Collections.Concurrent;
using Grader.Core.Submissions;

namespace Grader.Data.Tests.Infrastructure;

/// <summary>Stands in for Hangfire (a true boundary here): records what was enqueued.</summary>
public sealed class RecordingQueue : ISubmissionQueue
{
    public ConcurrentQueue<string> Enqueued { get; } = new();

    public bool Fail { get; set; }

    public Task<string> EnqueueAsync(string submissionId, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new InvalidOperationException("job storage unavailable");
        }

        Enqueued.Enqueue(submissionId);
        return Task.FromResult($"job-{Enqueued.Count}");
    }
}
