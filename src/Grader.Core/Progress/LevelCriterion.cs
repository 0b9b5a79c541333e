namespace Grader.Core.Progress;

/// <summary><c>level: N</c> — the learner's XP, including this result's awards, reaches level N.</summary>
public sealed record LevelCriterion(int Level) : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.LevelAfter >= Level;
    }
}
