using Grader.Contracts.Runner.V1;

namespace Grader.Training.Grading;

/// <summary>
/// The learner's code is at fault (no entry point, wrong output shape, an exception in forward, a
/// forbidden structure). Becomes a FAILED result with <see cref="Reason"/>, never an ERROR.
/// </summary>
public sealed class LearnerCodeException : Exception
{
    public LearnerCodeException(string reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    public LearnerCodeException() : this(LearnerReasons.LearnerError, "the submitted code failed") { }

    public LearnerCodeException(string message) : this(LearnerReasons.LearnerError, message) { }

    public LearnerCodeException(string message, Exception inner) : this(LearnerReasons.LearnerError, message, inner) { }

    /// <summary>Machine-readable, one of <see cref="LearnerReasons"/>.</summary>
    public string Reason { get; }
}
