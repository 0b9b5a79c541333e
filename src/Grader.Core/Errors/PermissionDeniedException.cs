namespace Grader.Core.Errors;

/// <summary>The caller is authenticated but may not do this (gRPC PERMISSION_DENIED).</summary>
public sealed class PermissionDeniedException : GraderException
{
    public PermissionDeniedException()
        : base("PERMISSION_DENIED", "The caller may not do this.")
    {
    }

    public PermissionDeniedException(string message)
        : base("PERMISSION_DENIED", message)
    {
    }

    public PermissionDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="reason">Machine-readable reason, e.g. <c>WRONG_COURSE</c>, <c>OTHER_LEARNER</c>, <c>ROLE</c>.</param>
    /// <param name="message">Human explanation.</param>
    public PermissionDeniedException(string reason, string message)
        : base(reason, message)
    {
    }
}
