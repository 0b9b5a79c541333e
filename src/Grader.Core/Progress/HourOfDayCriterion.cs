namespace Grader.Core.Progress;

/// <summary><c>utc_hours: [FROM, TO]</c> — submitted at an hour h (UTC) with FROM ≤ h &lt; TO.</summary>
public sealed record HourOfDayCriterion(int FromHour, int ToHour) : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hour = context.Submission.CreatedAt.UtcDateTime.Hour;
        return hour >= FromHour && hour < ToHour;
    }
}
