namespace Grader.Core.Errors;

/// <summary>
/// A use case refused a request for a reason the caller can act on. The API maps each subclass to one status
/// code; <see cref="Reason"/> is the machine-readable <c>google.rpc.ErrorInfo.reason</c> (UPPER_SNAKE_CASE).
/// </summary>
public abstract class GraderException : Exception
{
    protected GraderException()
        : this("UNKNOWN", "The request was refused.")
    {
    }

    protected GraderException(string message)
        : this("UNKNOWN", message)
    {
    }

    protected GraderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = "UNKNOWN";
    }

    protected GraderException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Stable machine-readable reason, e.g. <c>SUBMISSION_NOT_FOUND</c>.</summary>
    public string Reason { get; }
}
