namespace Grader.Core.Progress;

/// <summary><c>streak_days: N</c> — submissions on N consecutive UTC days, the last being this submission's day.</summary>
public sealed record StreakCriterion(int Days) : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var day = DateOnly.FromDateTime(context.Submission.CreatedAt.UtcDateTime);
        return Streaks.Current(context.SubmissionDays.Append(day), day) >= Days;
    }
}
