using System.Diagnostics.CodeAnalysis;

namespace Grader.Core.Submissions;

/// <summary>Port: hands a submission to the grading workers (Hangfire's "grading" queue in the server).</summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue of submissions; the name is the agreed seam with the server.")]
public interface ISubmissionQueue
{
    /// <summary>Enqueues grading of <paramref name="submissionId"/>; returns the queue's job id.</summary>
    Task<string> EnqueueAsync(string submissionId, CancellationToken cancellationToken);
}
