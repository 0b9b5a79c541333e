namespace Grader.Core.Progress;

/// <summary>A learner's standing in a course.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="LearnerId">The learner.</param>
/// <param name="Xp">Total XP (the sum of the ledger).</param>
/// <param name="Level">Current level number (0 = the first).</param>
/// <param name="LevelTitle">Current level's title, e.g. "Curious".</param>
/// <param name="XpIntoLevel">XP earned since reaching the current level.</param>
/// <param name="XpForNextLevel">XP the current level spans (next level's total minus this one's); 0 at the top level.</param>
/// <param name="Achievements">Unlocked achievements, oldest first.</param>
/// <param name="Streak">Consecutive UTC days with a submission, ending today or yesterday; 0 otherwise.</param>
/// <param name="Grades">Best score per exercise the learner has been graded on.</param>
public sealed record LearnerProgress(
    string CourseId,
    string LearnerId,
    int Xp,
    int Level,
    string LevelTitle,
    int XpIntoLevel,
    int XpForNextLevel,
    IReadOnlyList<UnlockedAchievement> Achievements,
    int Streak,
    IReadOnlyList<ExerciseGrade> Grades);
