namespace Grader.Core.Progress;

/// <summary><c>perfect_score: true</c> — this result passes with every point.</summary>
public sealed record PerfectScoreCriterion : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Passed && context.Result.MaxScore > 0 && context.Result.Score >= context.Result.MaxScore;
    }
}
