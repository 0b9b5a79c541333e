namespace Grader.Core.Errors;

/// <summary>A submission limit was hit (gRPC RESOURCE_EXHAUSTED + QuotaFailure + RetryInfo).</summary>
public sealed class QuotaExceededException : GraderException
{
    public QuotaExceededException()
        : this("Submission limit reached.", TimeSpan.Zero)
    {
    }

    public QuotaExceededException(string message)
        : this(message, TimeSpan.Zero)
    {
    }

    public QuotaExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
        Subject = "";
    }

    /// <param name="description">Which limit, e.g. "at most 10 submissions per 1h for exercise mlp-vs-cnn".</param>
    /// <param name="retryAfter">When a new submission will be accepted.</param>
    /// <param name="subject">The quota's subject for QuotaFailure, e.g. <c>courses/c/learners/l/exercises/e</c>.</param>
    public QuotaExceededException(string description, TimeSpan retryAfter, string subject = "")
        : base("SUBMISSION_LIMIT", description)
    {
        RetryAfter = retryAfter;
        Subject = subject;
    }

    /// <summary>How long until a submission will be accepted again (never negative).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>The quota's subject (QuotaFailure.Violation.subject).</summary>
    public string Subject { get; }
}
