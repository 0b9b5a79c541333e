namespace Grader.Core.Progress;

/// <summary><c>first_try: true</c> — an exercise passed on its first graded attempt.</summary>
public sealed record FirstTryCriterion : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Passed && !context.PriorOnExercise.Any();
    }
}
