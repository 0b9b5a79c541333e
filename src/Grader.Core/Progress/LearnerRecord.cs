namespace Grader.Core.Progress;

/// <summary>What the store holds about a learner's progress in a course.</summary>
/// <param name="Xp">Sum of the learner's XP ledger.</param>
/// <param name="Achievements">Unlocks, oldest first.</param>
/// <param name="SubmissionDays">Distinct UTC days with a submission that counts against limits, ascending.</param>
/// <param name="Grades">Best result per exercise, ordered by exercise id.</param>
public sealed record LearnerRecord(
    int Xp,
    IReadOnlyList<StoredAchievement> Achievements,
    IReadOnlyList<DateOnly> SubmissionDays,
    IReadOnlyList<ExerciseGrade> Grades);
