using Grader.Core.Exercises;
using Grader.Core.Submissions;

namespace Grader.Core.Progress;

/// <summary>
/// What a graded result earns, as a pure function of (history, new result): the new best grade, XP for raising
/// the best score plus a first-pass bonus, and the achievements it unlocks. Every award carries a unique key, so
/// writing the same decision twice pays once.
/// </summary>
public static class ProgressRules
{
    /// <summary>Decides the awards of <paramref name="result"/> given the learner's <paramref name="context"/>.</summary>
    public static AwardDecision Decide(
        AwardContext context, SubmissionResult result, ExerciseDefinition exercise, ProgressionDefinition progression, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(progression);
        if (!result.State.IsGraded())
        {
            return AwardDecision.None;
        }

        var submission = context.Submission;
        var passed = result.State == SubmissionState.Succeeded;
        var old = context.Grade;
        var maxScore = Math.Max(result.MaxScore, old?.MaxScore ?? 0);
        var oldBest = old?.BestScore ?? 0;
        var improved = result.Score > oldBest;
        var newBest = improved ? result.Score : oldBest;

        var xp = new List<XpAward>();
        var gain = ImprovementXp(exercise.Xp, oldBest, newBest, maxScore);
        if (gain > 0)
        {
            xp.Add(new XpAward(
                $"improvement:{submission.CourseId}:{submission.LearnerId}:{submission.ExerciseId}:{submission.Id}",
                gain,
                $"best score on {exercise.Id} rose from {oldBest:0.##} to {newBest:0.##} of {maxScore:0.##}"));
        }

        if (passed && old?.Passed != true)
        {
            var bonus = (int)Math.Round(exercise.Xp * progression.FirstPassBonusPercent / 100.0, MidpointRounding.AwayFromZero);
            if (bonus > 0)
            {
                xp.Add(new XpAward($"first-pass:{submission.CourseId}:{submission.LearnerId}:{submission.ExerciseId}", bonus, $"first pass of {exercise.Id}"));
            }
        }

        ExerciseGrade? grade = old is null || improved || (passed && !old.Passed) || maxScore > old.MaxScore
            ? new ExerciseGrade(
                submission.CourseId, submission.LearnerId, submission.ExerciseId, newBest, maxScore, passed || old?.Passed == true,
                improved || old is null ? submission.Id : old.BestSubmissionId, now)
            : null;

        var xpAfter = context.TotalXp + xp.Sum(a => a.Amount);
        var levelAfter = LevelCurve.Locate(progression.Levels, xpAfter).Level.Level;
        var achievementContext = new AchievementContext(submission, result, context.PriorAttempts, context.SubmissionDays, xpAfter, levelAfter);
        var unlocked = progression.Achievements
            .Where(a => !context.UnlockedAchievements.Contains(a.Id) && a.Criterion.IsMet(achievementContext))
            .Select(a => a.Id)
            .ToList();
        return new AwardDecision(grade, xp, unlocked);
    }

    /// <summary>
    /// XP for raising the best score from <paramref name="oldBest"/> to <paramref name="newBest"/>: the exercise's
    /// XP × (new − old) / max, computed as the difference of the two rounded totals so that the awards of successive
    /// improvements add up to exactly round(xp × best / max) and never exceed the exercise's value.
    /// </summary>
    public static int ImprovementXp(int exerciseXp, double oldBest, double newBest, double maxScore)
    {
        if (maxScore <= 0 || newBest <= oldBest)
        {
            return 0;
        }

        return Total(exerciseXp, newBest, maxScore) - Total(exerciseXp, oldBest, maxScore);

        static int Total(int xp, double score, double max) =>
            (int)Math.Round(xp * Math.Clamp(score / max, 0, 1), MidpointRounding.AwayFromZero);
    }
}
