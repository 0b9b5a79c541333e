namespace Grader.Core.Submissions;

/// <summary>
/// Port: compiles, runs and judges one submission (the server adapts <c>Grader.Sandbox.Grading.SubmissionGrader</c>).
/// A learner's mistake is a FAILED result; a platform fault is an ERROR result or an exception; cancelling
/// <c>cancellationToken</c> stops the sandbox and throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IGradingEngine
{
    /// <summary>Grades <paramref name="job"/>, reporting stages through <paramref name="progress"/> (called on any thread).</summary>
    Task<SubmissionResult> GradeAsync(GradingJob job, IProgress<GradingProgress> progress, CancellationToken cancellationToken);
}
