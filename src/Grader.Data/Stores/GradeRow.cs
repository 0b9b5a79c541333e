using System.Diagnostics.CodeAnalysis;
using Grader.Core.Progress;

namespace Grader.Data.Stores;

/// <summary>A <c>grades</c> row.</summary>
[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
internal sealed class GradeRow
{
    public const string Select = "SELECT course_id, learner_id, exercise_id, best_score, max_score, passed, best_submission_id, updated_at FROM grades";

    public string CourseId { get; set; } = "";
    public string LearnerId { get; set; } = "";
    public string ExerciseId { get; set; } = "";
    public double BestScore { get; set; }
    public double MaxScore { get; set; }
    public bool Passed { get; set; }
    public string BestSubmissionId { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public ExerciseGrade ToGrade() => new(CourseId, LearnerId, ExerciseId, BestScore, MaxScore, Passed, BestSubmissionId, UpdatedAt);
}

/// <summary>An <c>achievements</c> row.</summary>
[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
internal sealed class AchievementRow
{
    public string AchievementId { get; set; } = "";
    public DateTimeOffset UnlockedAt { get; set; }
    public string SubmissionId { get; set; } = "";

    public StoredAchievement ToStored() => new(AchievementId, UnlockedAt, SubmissionId);
}
