namespace Grader.Core.Errors;

/// <summary>The request is valid but the resource is in the wrong state, e.g. cancelling a finished submission (gRPC FAILED_PRECONDITION).</summary>
public sealed class FailedPreconditionException : GraderException
{
    public FailedPreconditionException()
        : base("FAILED_PRECONDITION", "The resource is not in a state that allows this.")
    {
    }

    public FailedPreconditionException(string message)
        : base("FAILED_PRECONDITION", message)
    {
    }

    public FailedPreconditionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="reason">Machine-readable reason, e.g. <c>SUBMISSION_FINISHED</c>.</param>
    /// <param name="message">Human explanation.</param>
    public FailedPreconditionException(string reason, string message)
        : base(reason, message)
    {
    }
}
