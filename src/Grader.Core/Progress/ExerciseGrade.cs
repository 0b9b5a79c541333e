namespace Grader.Core.Progress;

/// <summary>A learner's best graded result on one exercise (the <c>grades</c> table).</summary>
/// <param name="CourseId">The course.</param>
/// <param name="LearnerId">The learner.</param>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="BestScore">Best score so far.</param>
/// <param name="MaxScore">The score a perfect result gets.</param>
/// <param name="Passed">Whether any graded submission passed (SUCCEEDED).</param>
/// <param name="BestSubmissionId">The submission that scored <paramref name="BestScore"/> first.</param>
/// <param name="UpdatedAt">When the grade last changed (UTC).</param>
public sealed record ExerciseGrade(
    string CourseId,
    string LearnerId,
    string ExerciseId,
    double BestScore,
    double MaxScore,
    bool Passed,
    string BestSubmissionId,
    DateTimeOffset UpdatedAt);
