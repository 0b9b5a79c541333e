using Grader.Core.Progress;

namespace Grader.Core.Submissions;

/// <summary>
/// The learner's history as <see cref="ISubmissionStore.CompleteAsync"/> reads it inside the completing
/// transaction, so the award decision and its writes see the same data.
/// </summary>
/// <param name="Submission">The submission being completed (still in its running state).</param>
/// <param name="PriorAttempts">The learner's other graded submissions in the course, oldest first.</param>
/// <param name="Grade">The learner's grade on this exercise before this result; null if never graded.</param>
/// <param name="TotalXp">The learner's XP before this result.</param>
/// <param name="UnlockedAchievements">Ids the learner already holds.</param>
/// <param name="SubmissionDays">Distinct UTC days on which the learner submitted (counted states), including this submission's day.</param>
public sealed record AwardContext(
    Submission Submission,
    IReadOnlyList<GradedAttempt> PriorAttempts,
    ExerciseGrade? Grade,
    int TotalXp,
    IReadOnlySet<string> UnlockedAchievements,
    IReadOnlyList<DateOnly> SubmissionDays);
