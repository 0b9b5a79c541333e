namespace Grader.Core.Progress;

/// <summary>When an achievement unlocks: a pure predicate over (history, new result).</summary>
public abstract record AchievementCriterion
{
    /// <summary>Whether the new result (with the history before it) meets the criterion.</summary>
    public abstract bool IsMet(AchievementContext context);
}
