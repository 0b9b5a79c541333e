namespace Grader.Core.Submissions;

/// <summary>A graded (SUCCEEDED or FAILED) submission as the progress rules see it.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="State">SUCCEEDED or FAILED.</param>
/// <param name="Reason">Result reason, e.g. <c>compile_error</c>.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="CreatedAt">When it was submitted (UTC).</param>
public sealed record GradedAttempt(
    string SubmissionId,
    string ExerciseId,
    SubmissionState State,
    string Reason,
    double Score,
    double MaxScore,
    DateTimeOffset CreatedAt);
