namespace Grader.Training.Grading;

/// <summary>
/// The learner's code is at fault (no entry point, wrong output shape, an exception in forward, a
/// forbidden structure). Becomes a FAILED result with <see cref="Reason"/>, never an ERROR.
/// </summary>
public sealed class LearnerCodeException : Exception
{
    public LearnerCodeException(string reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    public LearnerCodeException() : this("learner_error", "the submitted code failed") { }

    public LearnerCodeException(string message) : this("learner_error", message) { }

    public LearnerCodeException(string message, Exception inner) : this("learner_error", message, inner) { }

    /// <summary>Machine-readable: entry_point_missing, model_error, structure, time_limit, ...</summary>
    public string Reason { get; }
}
