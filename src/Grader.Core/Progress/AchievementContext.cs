using Grader.Core.Submissions;

namespace Grader.Core.Progress;

/// <summary>Everything an achievement criterion may look at: the new graded result and the learner's history before it.</summary>
/// <param name="Submission">The submission just graded.</param>
/// <param name="Result">Its result (SUCCEEDED or FAILED).</param>
/// <param name="PriorAttempts">The learner's earlier graded submissions in the course, oldest first (not including this one).</param>
/// <param name="SubmissionDays">Distinct UTC days with a submission, including this one's.</param>
/// <param name="XpAfter">The learner's XP including this result's awards.</param>
/// <param name="LevelAfter">The level that XP reaches.</param>
public sealed record AchievementContext(
    Submission Submission,
    SubmissionResult Result,
    IReadOnlyList<GradedAttempt> PriorAttempts,
    IReadOnlyList<DateOnly> SubmissionDays,
    int XpAfter,
    int LevelAfter)
{
    /// <summary>Whether the new result passed (SUCCEEDED).</summary>
    public bool Passed => Result.State == SubmissionState.Succeeded;

    /// <summary>Earlier graded attempts on the same exercise, oldest first.</summary>
    public IEnumerable<GradedAttempt> PriorOnExercise =>
        PriorAttempts.Where(a => string.Equals(a.ExerciseId, Submission.ExerciseId, StringComparison.Ordinal));
}
